// Opening and creating PostgreSQL stores, by URI (postgresql://...).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "desk/store/store.hpp"

namespace desk::store::postgres {

std::unique_ptr<Store> open(const std::string& uri, Access access,
                            std::chrono::milliseconds busy_timeout);
// Makes the schema in an empty database: false when it holds a desk store
// already; StoreError when it holds anything else.
bool create(const std::string& uri);

}  // namespace desk::store::postgres
