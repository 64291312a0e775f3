#pragma once
// Everything store code needs to run SQL on any engine (the dialect is described in connection.hpp).
#include "store/sql/connection.hpp"
#include "store/sql/error.hpp"
#include "store/sql/statement.hpp"
#include "store/sql/value.hpp"
