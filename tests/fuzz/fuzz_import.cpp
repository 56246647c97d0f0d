// libFuzzer target: desk import's readers (CSV, JSON Lines) and the checks
// that turn a row into a ticket and its events. The first byte picks the
// format; the rest is the file.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "desk/bulk/import.hpp"
#include "desk/config/load.hpp"
#include "desk/core/error.hpp"
#include "desk/model/fields.hpp"

namespace {

const desk::config::Config& config() {
  static const desk::config::Config c = desk::config::load_text(R"toml(
[teams.service-desk]
tier = 1
members = ["alice", "bob"]
[technicians.alice]
[technicians.bob]
)toml",
                                                                "fuzz.toml");
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto format = (data[0] & 1) ? desk::bulk::FileFormat::csv : desk::bulk::FileFormat::jsonl;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  desk::bulk::ParseContext ctx{config(), desk::Zone::utc(), desk::from_unix(1795516200), "fuzzer"};
  try {
    auto rows = desk::bulk::make_row_reader(in, format);
    desk::bulk::Row row;
    while (rows->next(row)) {
      try {
        desk::bulk::Parsed p = desk::bulk::parse_row(row, ctx);
        // What parsing accepts is a ticket that is the replay of its events.
        desk::model::Ticket replayed = desk::model::replay(p.events);
        if (!p.history) replayed.id = p.ticket.id;
        if (desk::model::get_field(replayed, "status") !=
            desk::model::get_field(p.ticket, "status"))
          __builtin_trap();
      } catch (const desk::Error&) {
      }
    }
  } catch (const desk::Error&) {
  }
  return 0;
}
