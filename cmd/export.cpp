// desk export [TERM...]: tickets with their whole history, streamed, in the
// shape desk import reads back.
#include "desk/bulk/export.hpp"

#include <fmt/format.h>

#include "desk/bulk/read_ahead.hpp"
#include "desk/store/store.hpp"

#include "filters.hpp"
#include "options.hpp"
#include "registry.hpp"

namespace desk::cmd {

namespace {

struct Options {
  TicketFilters filters;  // as desk list's, except that every status is in by default
  Format format = Format::table;
};

int run(Env& env, const Options& o) {
  model::Query q = ticket_query(env, o.filters);
  auto& store = env.store(store::Access::read);
  Zone zone = env.zone();
  bulk::ExportWriter writer(zone);
  using Events = std::span<const store::StoredEvent>;
  if (o.format == Format::csv) {
    auto rows = format::make_row_writer(format::Format::csv, env.out, env.style());
    rows->begin(bulk::export_csv_columns());
    std::string events;
    bulk::read_ahead(store, q, [&](const model::Ticket& t, Events list) {
      events.clear();
      writer.events(events, list);
      rows->row(bulk::export_csv_row(t, events, zone));
      return static_cast<bool>(env.out);
    });
    rows->end();
  } else {
    // Lines gather in a buffer written a megabyte at a time.
    constexpr std::size_t kFlushAt = 1 << 20;
    std::string buffer;
    buffer.reserve(2 * kFlushAt);
    auto flush = [&] {
      env.out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
      return static_cast<bool>(env.out);
    };
    bulk::read_ahead(store, q, [&](const model::Ticket& t, Events list) {
      writer.line(buffer, t, list);
      return buffer.size() < kFlushAt || flush();
    });
    flush();
  }
  return 0;
}

}  // namespace

Runner cmd_export(CLI::App& sub) {
  auto o = std::make_shared<Options>();
  add_ticket_filters(sub, o->filters,
                     "Filter terms as in desk list: field:value[,value], +tag, or words",
                     "Status (default: every status), or open");
  add_format(sub, o->format, {Format::jsonl, Format::csv});
  return [o](Env& env) { return run(env, *o); };
}

}  // namespace desk::cmd
