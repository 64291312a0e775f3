-- Accounts, mandates, a permit and charges for the payments tests on both engines: plain SQL that
-- sqlite3 and psql both run, written straight into a fresh store (ids are the engines' own: 1, 2, …).
-- Account 1: umlauts, Kaiserstraße, a mandate never used with two due charges (one is held back)
--            and one charge not due yet. Account 2: a company, "Straße des 17. Juni", a mandate used
--            before. Account 3: no address. Account 4: a revoked mandate. Account 5: no mandate.
INSERT INTO accounts(login, tier, status, given_name, family_name, company_name, street, house_no, postal_code, city,
                     folded_name, assurance, verified_at, verification_method, created_at, updated_at) VALUES
  ('p1@example.de', 'private', 'active', 'Jürgen', 'Groß', NULL, 'Kaiserstraße', '1', '44135', 'Dortmund',
   'juergen gross', 'substantial', '2025-01-01T00:00:00Z', 'in-person', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
  ('p2@example.de', 'business', 'active', 'Zoë', 'Öztürk', 'Zoë & Öztürk-Straßer GmbH', 'Straße des 17. Juni', '12a',
   '44137', 'Dortmund-Hörde', 'zoe oeztuerk', 'substantial', '2025-01-01T00:00:00Z', 'in-person',
   '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
  ('p3@example.de', 'private', 'active', 'Ölaf', 'Ärger', NULL, NULL, NULL, NULL, NULL,
   'oelaf aerger', 'substantial', '2025-01-01T00:00:00Z', 'in-person', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
  ('p4@example.de', 'private', 'active', 'Ida', 'Ende', NULL, 'Kaiserstraße', '4', '44135', 'Dortmund',
   'ida ende', 'substantial', '2025-01-01T00:00:00Z', 'in-person', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
  ('p5@example.de', 'private', 'active', 'Karl', 'Ohne', NULL, 'Kaiserstraße', '5', '44135', 'Dortmund',
   'karl ohne', 'substantial', '2025-01-01T00:00:00Z', 'in-person', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
INSERT INTO mandates(account_id, iban, bic, reference, signed_on, status, last_used_on, revoked_on, created_at, updated_at) VALUES
  (1, 'DE89370400440532013000', NULL, 'BWP-1', '2025-12-01', 'active', NULL, NULL, '2025-12-01T00:00:00Z', '2025-12-01T00:00:00Z'),
  (2, 'DE89370400440532013000', 'COBADEFFXXX', 'BWP-2', '2025-06-01', 'active', '2026-06-01', NULL, '2025-06-01T00:00:00Z',
   '2026-06-01T00:00:00Z'),
  (3, 'DE02120300000000202051', NULL, 'BWP-3', '2025-12-01', 'active', NULL, NULL, '2025-12-01T00:00:00Z', '2025-12-01T00:00:00Z'),
  (4, 'DE02120300000000202051', NULL, 'BWP-4', '2025-12-01', 'revoked', NULL, '2026-10-01', '2025-12-01T00:00:00Z',
   '2026-10-01T00:00:00Z');
INSERT INTO permits(account_id, plate, zone, valid_from, valid_until, status, auto_renew, fee_cents, created_by, created_at,
                    updated_at) VALUES
  (1, 'DO-Ä 1', 'I-01', '2026-12-11', '2027-12-10', 'active', 1, 3070, 'seed', '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z');
INSERT INTO charges(account_id, permit_id, mandate_id, amount_cents, due_on, status, created_at) VALUES
  (1, 1, 1, 3070, '2026-12-09', 'open', '2026-11-25T09:00:00Z'),
  (1, NULL, 1, 1500, '2026-12-10', 'open', '2026-11-25T09:00:00Z'),
  (2, NULL, 2, 3070, '2026-12-09', 'open', '2026-11-25T09:00:00Z'),
  (3, NULL, 3, 2500, '2026-12-09', 'open', '2026-11-25T09:00:00Z'),
  (4, NULL, 4, 3070, '2026-12-09', 'open', '2026-11-25T09:00:00Z'),
  (5, NULL, NULL, 1000, '2026-12-09', 'open', '2026-11-25T09:00:00Z'),
  (1, NULL, 1, 700, '2027-01-15', 'open', '2026-11-25T09:00:00Z');
