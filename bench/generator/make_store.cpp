// desk-make-store N DIR: a realistic desk directory (DIR/desk.toml and
// DIR/desk.db) with N tickets over the days before a fixed "now", for the
// benchmarks in bench/. See bench/README.md.
//
// Every customer is added and every ticket's story told through desk's own
// use cases (catalog::add_customer, and story.cpp's log_ticket, allocate,
// resolve, ...) on a store made by store::create and opened by store::open,
// in a few large WriteTransactions: the schema, the event shapes, the
// projection and the audit chain all stay in lib/, and the generator uses
// nothing of the store but its public interface.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <sqlite3.h>
#include <string>
#include <unistd.h>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "desk/catalog/customers.hpp"
#include "desk/config/load.hpp"
#include "desk/core/error.hpp"
#include "desk/model/fields.hpp"
#include "desk/model/serialize.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/store/open/open.hpp"
#include "desk/work/session.hpp"

#include "clock.hpp"
#include "corpus.hpp"
#include "desk_toml.hpp"
#include "random.hpp"
#include "story.hpp"

namespace {

namespace fs = std::filesystem;
using bench::Instant;
using Clock = std::chrono::steady_clock;

struct Options {
  std::int64_t tickets = -1;
  fs::path dir;
  std::uint64_t seed = 1;
  std::string now = "2026-11-24T12:00:00Z";
  std::int64_t days = 90;
  std::int64_t unallocated = 0;
  std::int64_t customers = 0;  // 0: one for every 20 tickets, at least 20
  std::int64_t commit_every = 100000;
  std::int64_t verify = 0;
  std::int64_t cache_mb = 1024;
  fs::path scratch;  // build the store here (tmpfs: no fsync), then copy it to DIR
  bool force = false;
  bool quiet = false;
};

constexpr const char* kUsage =
    "usage: desk-make-store N DIR [--seed S] [--now TIME] [--days D] [--unallocated K]\n"
    "                             [--customers C] [--commit-every T] [--verify K]\n"
    "                             [--scratch TMPDIR] [--cache-mb M] [--force] [-q]\n"
    "\n"
    "Writes DIR/desk.toml and DIR/desk.db with N tickets logged over the D days (90)\n"
    "before TIME (2026-11-24T12:00:00Z), drawn with seed S (1). The K most recent\n"
    "tickets are left unallocated (open, no assignee, no team) for `desk allocate --auto`.\n"
    "--verify K re-reads K tickets and checks that each row is the replay of its events.\n"
    "--scratch TMPDIR builds the store there (say /dev/shm) and copies it to DIR at the end.\n"
    "--cache-mb M gives SQLite M MiB of page cache (1024) while the store is written.\n";

struct Usage : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::int64_t number(std::string_view what, std::string_view text) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < 0)
    throw Usage(fmt::format("{} must be a whole number of 0 or more, not '{}'", what, text));
  return v;
}

Options parse(int argc, char** argv) {
  Options o;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw Usage(a + " needs a value");
      return argv[++i];
    };
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else if (a == "--seed") {
      o.seed = static_cast<std::uint64_t>(number("--seed", value()));
    } else if (a == "--now") {
      o.now = value();
    } else if (a == "--days") {
      o.days = number("--days", value());
    } else if (a == "--unallocated") {
      o.unallocated = number("--unallocated", value());
    } else if (a == "--customers") {
      o.customers = number("--customers", value());
    } else if (a == "--commit-every") {
      o.commit_every = std::max<std::int64_t>(1, number("--commit-every", value()));
    } else if (a == "--verify") {
      o.verify = number("--verify", value());
    } else if (a == "--cache-mb") {
      o.cache_mb = number("--cache-mb", value());
    } else if (a == "--scratch") {
      o.scratch = value();
    } else if (a == "--force") {
      o.force = true;
    } else if (a == "-q" || a == "--quiet") {
      o.quiet = true;
    } else if (!a.empty() && a[0] == '-') {
      throw Usage("unknown option " + a);
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 2) throw Usage("give the number of tickets and a directory");
  o.tickets = number("N", positional[0]);
  o.dir = positional[1];
  if (o.days < 1) throw Usage("--days must be at least 1");
  o.unallocated = std::min(o.unallocated, o.tickets);
  if (o.customers == 0) o.customers = std::max<std::int64_t>(20, o.tickets / 20);
  return o;
}

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// CPU time of the process: what the stories cost, whatever else the machine
// is doing (wall-clock time on a shared machine says little).
double process_cpu() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// SQLite's default page cache (2 MiB) holds a sliver of a 1M-ticket store's
// indexes, so every insert reads and writes pages through the kernel. desk's
// store code opens its own connection; an auto-extension (SQLite's way to
// configure connections that other code opens) gives it a bigger cache in
// this process only. Nothing else changes: desk's pragmas, schema and SQL
// are used as they are.
std::int64_t g_cache_kib = 0;

int bigger_cache(sqlite3* db, char**, const sqlite3_api_routines*) {
  std::string pragma = fmt::format("PRAGMA cache_size = -{}", g_cache_kib);
  sqlite3_exec(db, pragma.c_str(), nullptr, nullptr, nullptr);
  return SQLITE_OK;
}

struct Stats {
  std::int64_t tickets = 0, events = 0, links = 0;
  std::map<desk::model::Status, std::int64_t> statuses;
  std::map<desk::model::EventKind, std::int64_t> kinds;
  std::map<std::string, std::int64_t> open_load;  // open tickets by assignee
  std::int64_t escalated = 0, reopened = 0;
};

void count(Stats& st, const bench::Told& t) {
  st.events += static_cast<std::int64_t>(t.events.size());
  for (const auto& e : t.events) {
    ++st.kinds[e.kind];
    if (e.kind == desk::model::EventKind::linked) ++st.links;
  }
  if (t.row.id == 0) return;
  ++st.tickets;
  ++st.statuses[t.row.status];
  if (desk::model::is_open(t.row.status) && !t.row.assignee.empty()) ++st.open_load[t.row.assignee];
  if (t.row.escalation_level > 0) ++st.escalated;
  if (t.row.reopen_count > 0) ++st.reopened;
}

// Customers, and which of them each call comes from: a few call often.
struct People {
  std::vector<desk::model::Customer> customers;
  std::vector<std::string> locales;
  std::vector<std::size_t> of_call;  // the caller of each ticket: an index into customers
  std::vector<bool> newcomer;        // added at their first call, by whoever logged it
};

People people(const Options& o, const std::vector<Instant>& calls, Instant from) {
  People p;
  bench::Rng rng(o.seed, 0x7e0b1e);
  std::unordered_set<std::string> emails;
  for (std::int64_t i = 0; i < o.customers; ++i) {
    bench::Person person = bench::make_person(rng, emails);
    desk::model::Customer c;
    c.name = person.name;
    c.email = person.email;
    c.organisation = person.organisation;
    c.phone = person.phone;
    c.tier = rng.chance(0.03) ? "vip" : "";
    c.created_at = from - desk::Seconds{rng.between(86400, 730 * 86400)};
    c.updated_at = c.created_at;
    p.customers.push_back(std::move(c));
    p.locales.push_back(person.locale);
  }
  // A third of the customers first called during the period: they were
  // added then.
  std::vector<bool> first_seen(p.customers.size(), false);
  p.newcomer.assign(p.customers.size(), false);
  bench::Rng pick(o.seed, 0xca11e5);
  for (std::size_t i = 0; i < calls.size(); ++i) {
    double u = pick.uniform();
    auto k = static_cast<std::size_t>(u * u * static_cast<double>(p.customers.size()));
    k = std::min(k, p.customers.size() - 1);
    p.of_call.push_back(k);
    if (!first_seen[k]) {
      first_seen[k] = true;
      p.newcomer[k] = k % 3 == 0;
    }
  }
  return p;
}

void remove_store(const fs::path& dir) {
  std::error_code ec;
  for (const char* f : {"desk.db", "desk.db-wal", "desk.db-shm", "desk.toml"})
    fs::remove(dir / f, ec);
}

// Re-reads `k` tickets spread over the store and checks that each row is the
// replay of its events, as `desk doctor` will.
int verify(const fs::path& db, std::int64_t tickets, std::int64_t k, const desk::Zone& zone) {
  auto store = desk::store::open(db, desk::store::Access::read, std::chrono::seconds(10));
  int bad = 0;
  for (std::int64_t i = 0; i < k && tickets > 0; ++i) {
    std::int64_t id = 1 + (i * tickets) / k;
    auto row = store->find_ticket(id);
    if (!row) {
      std::cerr << fmt::format("verify: ticket {} is missing\n", id);
      ++bad;
      continue;
    }
    desk::model::Ticket replayed = desk::model::replay(store->ticket_events(id));
    replayed.customer_name = row->customer_name;
    replayed.customer_email = row->customer_email;
    auto a = desk::model::ticket_json(*row, zone), b = desk::model::ticket_json(replayed, zone);
    if (a != b) {
      std::cerr << fmt::format(
          "verify: ticket {} differs from its events:\n  row:    {}\n  replay: {}\n", id, a.dump(),
          b.dump());
      ++bad;
    }
  }
  return bad;
}

int run(const Options& o) {
  auto t0 = Clock::now();
  const desk::Zone zone = desk::Zone::named("Europe/London");
  const Instant now = desk::parse_time(o.now, desk::real_now(), desk::Zone::utc());
  const Instant from = now - desk::Seconds{o.days * 86400};
  const fs::path db = o.dir / "desk.db";
  const fs::path toml = o.dir / "desk.toml";

  if (o.force) remove_store(o.dir);
  if (fs::exists(db) || fs::exists(toml))
    throw Usage(fmt::format("'{}' already has a desk.db or desk.toml (add --force to replace them)",
                            o.dir.string()));
  fs::create_directories(o.dir);
  // Where the store is built: DIR itself, or a scratch directory on tmpfs,
  // where SQLite's fsyncs cost nothing and the finished file is copied once.
  const fs::path work =
      o.scratch.empty() ? db : o.scratch / fmt::format("desk-make-store-{}.db", getpid());
  struct Cleanup {
    fs::path work;
    bool scratch;
    ~Cleanup() {
      if (!scratch) return;
      std::error_code ec;
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(work.string() + suffix, ec);
    }
  } cleanup{work, !o.scratch.empty()};

  bench::TomlSettings settings;
  settings.heading = fmt::format(
      "# A generated benchmark desk: bench/make-store {} {} --seed {} --now {} --days {} "
      "--unallocated {}\n"
      "# Capacities are set from the generated backlog (each technician's open tickets plus\n"
      "# room for the unallocated ones), so that `desk allocate --auto` has work to do.\n",
      o.tickets, o.dir.string(), o.seed, o.now, o.days, o.unallocated);
  // Stories are told with room for everyone (desk's largest capacity): the
  // open tickets that never get resolved pile up over a big store, and would
  // otherwise put every technician at capacity within days. The file gets
  // capacities from the final backlog.
  bench::TomlSettings telling = settings;
  for (const auto& [tech, base] : bench::base_capacities()) telling.capacities[tech] = 100000;
  const desk::config::Config config = desk::config::load_text(desk_toml(telling), toml);

  bench::WorkClock clock(zone, from, now, bench::holidays());
  bench::Rng rng(o.seed, 0xa11);
  std::vector<Instant> calls =
      bench::arrivals(static_cast<std::size_t>(o.tickets), from, now, clock, rng);
  People p = people(o, calls, from);

  if (o.cache_mb > 0) {
    // One thread uses SQLite, so no mutex is needed around each call, and
    // nobody reads SQLite's memory statistics, whose upkeep takes a global
    // mutex on every allocation. Both must be set before SQLite starts.
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    g_cache_kib = o.cache_mb * 1024;
    sqlite3_auto_extension(reinterpret_cast<void (*)()>(bigger_cache));
  }
  if (!desk::store::create(work)) throw Usage("cannot create " + work.string());
  auto store = desk::store::open(work, desk::store::Access::write, std::chrono::seconds(60));

  // The customers known before the period, added by the desk's manager in
  // the order they came (`desk customer add`); the others come with their
  // first call. ids[k] is customer k's id once added.
  std::vector<std::int64_t> ids(p.customers.size(), 0);
  {
    std::vector<std::size_t> known;
    for (std::size_t k = 0; k < p.customers.size(); ++k)
      if (!p.newcomer[k]) known.push_back(k);
    std::stable_sort(known.begin(), known.end(), [&](std::size_t a, std::size_t b) {
      return p.customers[a].created_at < p.customers[b].created_at;
    });
    desk::work::Session admin{config, *store, from, "margaret"};
    desk::store::WriteTransaction tx(*store);
    for (std::size_t k : known) {
      admin.now = p.customers[k].created_at;
      ids[k] = desk::catalog::add_customer(admin, p.customers[k]).id;
    }
    tx.commit();
  }
  double t_setup = seconds_since(t0);
  double cpu_before = process_cpu();

  // The stories, in the order the calls came, committed every so often as
  // one long `desk` session would (a WriteTransaction each).
  Stats st;
  bench::Teller teller(config, *store, clock, now, o.seed);
  teller.told = [&](bench::Told&& t) { count(st, t); };
  const std::int64_t first_unallocated = o.tickets - o.unallocated;
  std::int64_t next_report = o.tickets / 10;
  auto tx = std::make_unique<desk::store::WriteTransaction>(*store);
  for (std::int64_t i = 0; i < o.tickets; ++i) {
    // Cron has allocated all it will before the unallocated tickets come.
    if (i == first_unallocated) teller.run_cron();
    bench::Call call;
    call.id = i + 1;
    call.at = calls[static_cast<std::size_t>(i)];
    std::size_t k = p.of_call[static_cast<std::size_t>(i)];
    call.customer_id = ids[k];
    if (ids[k] == 0) call.newcomer = &p.customers[k];
    call.locale = p.locales[k];
    call.unallocated = i >= first_unallocated;
    ids[k] = teller.tell(call);
    if ((i + 1) % o.commit_every == 0) {
      tx->commit();
      tx = std::make_unique<desk::store::WriteTransaction>(*store);
    }
    if (!o.quiet && next_report > 0 && i + 1 >= next_report) {
      std::cerr << fmt::format("  {} tickets written ({:.1f} s)\n", i + 1, seconds_since(t0));
      next_report += o.tickets / 10;
    }
  }
  teller.run_cron();
  tx->commit();
  tx.reset();
  double cpu_stories = process_cpu() - cpu_before;
  store.reset();  // the last connection: SQLite checkpoints and removes the WAL
  if (work != db) fs::copy_file(work, db);
  double t_written = seconds_since(t0);

  // The final capacities: each technician's backlog plus room for the
  // unallocated tickets (bob gets less room, so that someone fills up).
  for (const auto& [tech, base] : bench::base_capacities()) {
    std::int64_t load = st.open_load.count(tech) ? st.open_load[tech] : 0;
    std::int64_t room =
        std::max<std::int64_t>(5, tech == "bob" ? o.unallocated / 20 : o.unallocated / 2);
    std::int64_t capacity =
        std::min<std::int64_t>(100000, std::max<std::int64_t>(base, load + room));
    settings.capacities[tech] = static_cast<int>(capacity);
  }
  {
    std::ofstream out(toml, std::ios::binary);
    out << desk_toml(settings);
    if (!out.flush()) throw Usage("cannot write " + toml.string());
  }
  (void)desk::config::load_file(toml);  // refuse to leave a file desk would refuse

  int bad = o.verify > 0 ? verify(db, o.tickets, o.verify, zone) : 0;

  if (!o.quiet) {
    std::int64_t resolved =
        st.statuses[desk::model::Status::resolved] + st.statuses[desk::model::Status::closed];
    std::cerr << fmt::format(
        "made {} tickets, {} ticket events, {} links, {} customers in {:.1f} s "
        "(set-up {:.1f} s, stories {:.1f} s, {:.0f} tickets/s)\n",
        st.tickets, st.events, st.links, p.customers.size(), seconds_since(t0), t_setup,
        t_written - t_setup, static_cast<double>(st.tickets) / std::max(1e-9, t_written - t_setup));
    std::cerr << fmt::format("  CPU of the stories (telling and writing): {:.1f} s\n", cpu_stories);
    std::cerr << "  status:";
    for (auto s : desk::util::all<desk::model::Status>())
      std::cerr << fmt::format(" {} {}", s, st.statuses[s]);
    std::cerr << fmt::format(
        "\n  resolved or closed {:.1f}%, escalated {:.1f}%, reopened {:.1f}%\n",
        100.0 * static_cast<double>(resolved) / std::max<std::int64_t>(1, st.tickets),
        100.0 * static_cast<double>(st.escalated) / std::max<std::int64_t>(1, st.tickets),
        100.0 * static_cast<double>(st.reopened) / std::max<std::int64_t>(1, st.tickets));
    std::cerr << "  events:";
    for (const auto& [k, n] : st.kinds) std::cerr << fmt::format(" {} {}", k, n);
    std::cerr << '\n';
    if (o.verify > 0)
      std::cerr << fmt::format("  verified {} tickets against their events: {} differ\n", o.verify,
                               bad);
  }
  return bad ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const Usage& e) {
    std::cerr << "desk-make-store: " << e.what() << "\n" << kUsage;
    return 2;
  } catch (const desk::Error& e) {
    std::cerr << "desk-make-store: " << e.what() << '\n';
    if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << '\n';
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "desk-make-store: " << e.what() << '\n';
    return 70;
  }
}
