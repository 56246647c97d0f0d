// A store's location: a file or a PostgreSQL URI, which is never made into a
// path, and is shown without its password.
#include <doctest/doctest.h>

#include "desk/config/locate.hpp"
#include "desk/core/location.hpp"

using namespace desk;

TEST_SUITE("core/location") {
  TEST_CASE("location: postgresql:// and postgres:// name a server, anything else a file") {
    CHECK(is_server_location("postgresql://desk@db.example.org/desk"));
    CHECK(is_server_location("postgres:///desk?host=/run/postgresql"));
    CHECK_FALSE(is_server_location("desk.db"));
    CHECK_FALSE(is_server_location("/var/lib/desk/postgresql://x"));
    CHECK_FALSE(is_server_location("postgresql:"));
  }

  TEST_CASE("location: a URI stays as given, a path is made absolute against its directory") {
    CHECK(config::store_location("postgresql:///desk?host=/run/postgresql", "/etc/desk") ==
          "postgresql:///desk?host=/run/postgresql");
    CHECK(config::store_location("desk.db", "/srv/desk") == "/srv/desk/desk.db");
    CHECK(config::store_location("../data/./desk.db", "/srv/desk") == "/srv/data/desk.db");
    CHECK(config::store_location("/var/desk.db", "/srv/desk") == "/var/desk.db");
  }

  TEST_CASE("location: a password is never shown, in the user part or as a parameter") {
    CHECK(shown_location("postgresql://desk:s3cret@db.example.org:5432/desk") ==
          "postgresql://desk@db.example.org:5432/desk");
    CHECK(shown_location("postgresql://desk:s3cret@db/desk?sslmode=require&password=x&a=b") ==
          "postgresql://desk@db/desk?sslmode=require&a=b");
    CHECK(shown_location("postgresql:///desk?password=x") == "postgresql:///desk");
    CHECK(shown_location("postgresql://db.example.org:5432/desk") ==
          "postgresql://db.example.org:5432/desk");
    CHECK(shown_location("postgresql:///desk?host=/tmp/pg&port=5432&user=desk") ==
          "postgresql:///desk?host=/tmp/pg&port=5432&user=desk");
    CHECK(shown_location("/home/ann/desk:old@x/desk.db") == "/home/ann/desk:old@x/desk.db");
  }
}
