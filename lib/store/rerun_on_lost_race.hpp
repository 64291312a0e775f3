#pragma once
// Which write transactions may run again when PostgreSQL aborts them in a race (SQLSTATE 40001
// serialization failure, 40P01 deadlock): those begun on this thread while a RerunOnLostRace
// lives. Their work must be safe to run from the start again: it reads its input from its
// arguments and the store only, and acts on nothing outside the store before the commit. An
// operation run whole in one transaction is such work; a batch of a file import, which has read
// its rows from the file already, is not. SQLite has no such races: there nothing is re-run.
namespace vrathaus {

class RerunOnLostRace {
public:
  RerunOnLostRace();
  ~RerunOnLostRace();
  RerunOnLostRace(const RerunOnLostRace&) = delete;
  RerunOnLostRace& operator=(const RerunOnLostRace&) = delete;

  // Whether a transaction begun now on this thread may be run again.
  static bool allowed();

private:
  bool previous_;
};

}  // namespace vrathaus
