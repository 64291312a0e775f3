#include "store/prepared.hpp"

namespace vrathaus {

Prepared::Prepared(sql::Connection& db, const std::string& sql) : kept_(db.lease(sql)) {
  if (kept_) {
    statement_ = kept_->statement.get();
    return;
  }
  own_ = std::make_unique<sql::Statement>(db, sql);
  statement_ = own_.get();
}

Prepared::~Prepared() {
  if (kept_) sql::Connection::release(*kept_);
}

}  // namespace vrathaus
