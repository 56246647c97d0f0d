// desk customer show and list: customers, their tickets and satisfaction
#include <cmath>

#include <fmt/format.h>

#include "desk/catalog/customers.hpp"
#include "desk/core/error.hpp"
#include "desk/store/catalog_store.hpp"
#include "desk/store/store.hpp"
#include "desk/util/strings.hpp"

#include "customer.hpp"
#include "options.hpp"
#include "pager.hpp"
#include "render.hpp"
#include "write.hpp"

namespace desk::cmd::customercmd {

namespace {

struct Options {
  std::string key, words;
  Format format = Format::table;
};

int run_show(Env& env, const Options& o) {
  start_pager(env);
  auto session = env.session(store::Access::read);
  auto c = catalog::require_customer(session, o.key);
  Json j = customer_view(session, c, env.zone());
  if (o.format == Format::json)
    print_json(env, j);
  else
    print_customer_text(env.out, c, std::move(j));
  return 0;
}

int run_list(Env& env, const Options& o) {
  start_pager(env);
  auto session = env.session(store::Access::read);
  auto customers = session.store.customers().list(o.words);
  if (env.globals.quiet) {
    for (const auto& c : customers) env.out << c.id << '\n';
    return 0;
  }
  auto writer = format::make_row_writer(o.format, env.out, env.style());
  writer->begin({{"id", "ID", format::Kind::number},
                 {"name", "NAME", format::Kind::text, true},
                 {"email", "EMAIL"},
                 {"organisation", "ORGANISATION"},
                 {"tier", "TIER"}});
  for (const auto& c : customers) writer->row(catalog::customer_json(c, env.zone()));
  writer->end();
  return 0;
}

}  // namespace

Json customer_view(work::Session& s, const model::Customer& c, const Zone& zone) {
  Json j = catalog::customer_json(c, zone);
  Json list = Json::array();
  std::int64_t ratings = 0, total = 0;
  for (auto id : s.store.customers().tickets_of(c.id)) {
    auto t = s.store.find_ticket(id);
    if (!t) continue;
    Json row = {{"id", t->id},
                {"status", t->status},
                {"type", t->type},
                {"created_at", format_iso(t->created_at, zone)},
                {"title", t->title}};
    Json scores = Json::array();
    for (const auto& r : s.store.ratings().of_ticket(id)) {
      scores.push_back(r.score);
      total += r.score;
      ++ratings;
    }
    row["scores"] = scores;
    list.push_back(std::move(row));
  }
  j["tickets"] = std::move(list);
  j["ratings"] = ratings;
  j["average_score"] =
      ratings ? Json(std::round(10.0 * static_cast<double>(total) / static_cast<double>(ratings)) /
                     10.0)
              : Json();
  return j;
}

void print_customer_text(std::ostream& out, const model::Customer& c, Json j) {
  // Whatever a customer's record holds, no escape sequence reaches the terminal.
  j = format::terminal_safe(j);
  auto text = [](const Json& v) {
    return v.is_null() ? std::string("(none)") : v.get<std::string>();
  };
  if (c.erased_at)
    out << fmt::format("Customer {}: erased {}\n", c.id,
                       format::cell_text(j["erased_at"], format::Kind::time));
  else
    out << fmt::format("Customer {}: {}\n", c.id, util::single_line(c.display()));
  for (const char* k : {"organisation", "phone", "tier", "notes"})
    out << fmt::format("  {:<14}{}\n", k, text(j[k]));
  out << fmt::format("  {:<14}{}\n", "satisfaction",
                     j["ratings"] == 0
                         ? std::string("not rated")
                         : fmt::format("{} of 5 over {} rating(s)", j["average_score"].dump(),
                                       j["ratings"].get<std::int64_t>()));
  out << "\nTickets\n";
  if (j["tickets"].empty()) out << "  (none)\n";
  for (const auto& t : j["tickets"]) {
    std::string scores;
    for (const auto& sc : t["scores"]) scores += (scores.empty() ? " rated " : ", ") + sc.dump();
    out << fmt::format("  #{:<5} {:<12} {}{}\n", t["id"].get<std::int64_t>(),
                       t["status"].get<std::string>(), t["title"].get<std::string>(), scores);
  }
}

Sub show(CLI::App& customer) {
  auto o = std::make_shared<Options>();
  auto* sub = customer.add_subcommand("show", "Show a customer, their tickets and satisfaction");
  sub->add_option("customer", o->key, "Id, email or name")->required();
  add_format(*sub, o->format, {Format::text, Format::json});
  return {sub, [o](Env& env) { return run_show(env, *o); }};
}

Sub list(CLI::App& customer) {
  auto o = std::make_shared<Options>();
  auto* sub = customer.add_subcommand("list", "List customers");
  sub->add_option("words", o->words, "Only those whose name, email or organisation has this");
  add_format(*sub, o->format);
  return {sub, [o](Env& env) { return run_list(env, *o); }};
}

}  // namespace desk::cmd::customercmd
