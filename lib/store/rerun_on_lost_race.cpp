#include "store/rerun_on_lost_race.hpp"

namespace vrathaus {
namespace {

// Per thread: the server runs each request on one thread, with its own store.
thread_local bool t_allowed = false;

}  // namespace

RerunOnLostRace::RerunOnLostRace() : previous_(t_allowed) { t_allowed = true; }

RerunOnLostRace::~RerunOnLostRace() { t_allowed = previous_; }

bool RerunOnLostRace::allowed() { return t_allowed; }

}  // namespace vrathaus
