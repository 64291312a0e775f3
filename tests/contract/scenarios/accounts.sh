# Foundation: accounts, offices, staff and the audit log — the same answers locally and remotely.
setup_store

# Create, with German-aware duplicate warning and search.
vr m.weber accounts create --login anna.schroeter@example.de --given-name Anna --family-name Schröter \
  --birth-date 1984-03-12 --street Kaiserstraße --house-no 12 --postal-code 44135 --city Dortmund
expect_status 0
expect_json '.id == 1 and .tier == "guest" and .status == "active" and .assurance == "low" and .verified_at == null'
vr m.weber accounts create --login a.schroeter@example.de --given-name ANNA --family-name SCHROETER --birth-date 1984-03-12
expect_status 0
expect_stderr "same name and birth date"
vr m.weber accounts search Schroeter
expect_status 0
expect_json 'length == 2 and (map(.family_name) | sort) == ["SCHROETER", "Schröter"]'
vr m.weber accounts search "SCHRÖTER anna"
expect_json 'length == 2'
vr m.weber accounts search Müller
expect_json 'length == 0'
# Also by login; a limit says how many more there are, on both backends alike.
vr m.weber accounts search anna.schroeter@
expect_json 'length == 1 and .[0].id == 1'
vr m.weber accounts search Schroeter --limit 1
expect_json 'length == 1'
expect_stderr "1 more match not shown"

# A duplicate login (case-insensitive) is a conflict and changes nothing.
vr m.weber accounts create --login Anna.Schroeter@Example.de --given-name Anna --family-name Other
expect_status 4
vr m.weber accounts list
expect_json 'length == 2'

# Invalid fields: exit 5 naming the field; nothing created.
vr m.weber accounts create --login not-an-email --given-name A --family-name B
expect_status 5
expect_stderr "login"
vr m.weber accounts create --login x@example.de --given-name A --family-name B --postal-code 4413
expect_status 5
expect_stderr "postal_code"
vr m.weber accounts create --login x@example.de --given-name A --family-name B --birth-date 2031-01-01
expect_status 5
expect_stderr "birth_date"
vr m.weber accounts create --login x@example.de --company-name "Kruse GmbH" --vat-id DE123456789
expect_status 5
expect_stderr "vat_id"
vr m.weber accounts create --login x@example.de
expect_status 5

# Organisation account with a valid VAT id and register number; text that looks like SQL is stored verbatim.
vr m.weber accounts create --login info@kruse-bau.example --company-name "Kruse Bau GmbH'); DROP TABLE accounts;--" \
  --legal-form GmbH --register-court "Amtsgericht Dortmund" --register-no "HRB 12345" --vat-id DE136695976
expect_status 0
expect_json '.company_name == "Kruse Bau GmbH'"'"'); DROP TABLE accounts;--" and .register_no == "HRB 12345"'

# Show by id and by login; not found is 3.
vr m.weber accounts show 1
expect_json '.login == "anna.schroeter@example.de"'
vr m.weber accounts show anna.schroeter@example.de
expect_json '.id == 1'
vr m.weber accounts show 999
expect_status 3

# Update with an optimistic version check.
vr m.weber accounts update 1 --street Lindemannstraße --house-no 7 --if-version 1
expect_status 0
expect_json '.street == "Lindemannstraße" and .version == 2'
vr m.weber accounts update 1 --city Dortmund --if-version 1
expect_status 4
vr m.weber accounts update 1 --login a.schroeter@example.de
expect_status 4
vr m.weber accounts update 1 --street Lindemannstraße --dry-run
expect_status 0

# Suspend, reactivate, close; state rules are conflicts.
vr m.weber accounts suspend 2 --reason "Verdacht auf Doppelkonto"
expect_json '.status == "suspended"'
vr m.weber accounts suspend 2 --reason again
expect_status 4
vr m.weber accounts reactivate 2 --reason "geklärt"
expect_json '.status == "active"'
vr m.weber accounts close 2 --erase --reason "Löschantrag nach Art. 17 DSGVO"
expect_status 0
expect_json '.status == "closed" and .given_name == null and .family_name == null and .erased_at != null'
vr m.weber accounts update 2 --city Dortmund
expect_status 4

# A dry run changes nothing and exits as the real run would.
vr m.weber accounts create --login dry@example.de --given-name Dry --family-name Run --dry-run
expect_status 0
vr m.weber accounts show dry@example.de
expect_status 3

# Lists and filters.
vr m.weber accounts list --status closed
expect_json 'length == 1 and .[0].id == 2'
vr m.weber accounts list --tier business
expect_json 'length == 0'
vr m.weber accounts list --limit 1
expect_json 'length == 1'
vr m.weber accounts list --tier emperor
expect_status 5

# Data-subject export.
vr m.weber accounts export 1
expect_json '.account.id == 1 and (.audit | length) >= 2'

# Offices and staff: roles decide.
vr m.weber offices add eving --name "Bezirksverwaltungsstelle Eving"
expect_status 6
vr_admin offices add eving --name "Bezirksverwaltungsstelle Eving"
expect_status 0
expect_json '.code == "eving" and .min_certified == 2'
vr_admin offices add eving --name again
expect_status 4
vr_admin offices add "Eving!" --name x
expect_status 5
vr s.kruse offices update eving --min-certified 3
expect_json '.min_certified == 3'
vr m.weber offices list
expect_json 'length == 4'
vr m.weber offices show nowhere
expect_status 3

vr s.kruse staff add j.yilmaz --name "Jana Yılmaz" --office eving --role clerk
expect_status 0
expect_json '.id == "j.yilmaz" and .roles == ["clerk"] and .active == true and .certifications == []'
vr s.kruse staff add k.neu --name "Kai Neu" --office eving --role admin
expect_status 6
vr s.kruse staff add k.neu --name "Kai Neu" --office nowhere
expect_status 3
vr s.kruse staff add k.neu --name "Kai Neu" --office eving --role emperor
expect_status 5
vr s.kruse staff update j.yilmaz --role clerk --role supervisor
expect_status 6
vr_admin staff update j.yilmaz --role clerk --role supervisor
expect_json '.roles == ["clerk", "supervisor"]'
vr s.kruse staff deactivate j.yilmaz --reason "Wechsel in ein anderes Amt"
expect_json '.active == false'
vr m.weber staff list --office eving
expect_json 'length == 1'
vr m.weber staff show nobody
expect_status 3

# A login is folded in its ASCII letters alone, on every engine: "JÜRGEN.ÖZ@…" and "jÜrgen.Öz@…" are
# one login; "jürgen.öz@…" is another (PostgreSQL's lower() would fold Ü by the database's locale).
vr m.weber accounts create --login JÜRGEN.ÖZ@example.de --given-name Jürgen --family-name Öz --birth-date 1970-01-02
expect_status 0
vr m.weber accounts create --login jÜrgen.Öz@example.de --given-name Jürgen --family-name Öz --birth-date 1970-01-02
expect_status 4
vr m.weber accounts show jÜrgen.Öz@example.de
expect_status 0
expect_json '.login == "JÜRGEN.ÖZ@example.de"'
vr m.weber accounts show jürgen.öz@example.de
expect_status 3
vr m.weber accounts create --login jürgen.öz@example.de --given-name Jürgen --family-name Öz --birth-date 1970-01-02
expect_status 0
expect_json '.login == "jürgen.öz@example.de"'

# The audit log: readable by auditors, not by clerks; refusals are recorded.
vr m.weber audit list
expect_status 6
vr a.auditor audit list --object account:1
expect_status 0
expect_json '(map(.action) | index("accounts.create")) != null and (map(.action) | index("accounts.update")) != null'
vr a.auditor audit list --actor m.weber
expect_json 'map(.action) | any(. == "offices.add.refused")'
vr a.auditor audit verify
expect_status 0
expect_json '.ok == true'

# Tokens are managed by admins only.
vr m.weber tokens list
expect_status 6

# Editing the audit table behind the tool's back breaks the chain: verify and check exit 1.
sql "UPDATE audit SET reason = 'nothing to see' WHERE seq = 3"
vr a.auditor audit verify
expect_status 1
expect_json '.ok == false and (.problems | length) >= 1'
vr_admin db check
expect_status 1
expect_json '.ok == false and .integrity == [] and .audit.ok == false'
