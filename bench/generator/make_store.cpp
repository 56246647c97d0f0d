// desk-make-store N DIR: a realistic desk directory (DIR/desk.toml and
// DIR/desk.db) with N tickets over the days before a fixed "now", for the
// benchmarks in bench/. See bench/README.md.
//
// Every ticket's story is told through desk's own use cases (story.cpp), its
// row is model::replay() of its events, and everything is written through
// the Store interface in a few large WriteTransactions: the schema, the
// event shapes and the projection all stay in lib/.
//
// Two threads: one tells stories, the other writes them to SQLite.
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sqlite3.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "desk/config/load.hpp"
#include "desk/core/error.hpp"
#include "desk/model/fields.hpp"
#include "desk/model/serialize.hpp"
#include "desk/model/vocabulary.hpp"
#include "desk/store/open/open.hpp"

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

// CPU time of the calling thread: what each thread costs, whatever else the
// machine is doing (wall-clock time on a shared machine says little).
double thread_cpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
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

// Stories told, waiting to be written: the teller runs ahead of the writer
// by a few batches at most.
struct Batch {
  std::vector<bench::Told> told;
};

class Pipe {
 public:
  void push(Batch b) {
    std::unique_lock lock(m_);
    room_.wait(lock, [&] { return q_.size() < 3; });
    q_.push_back(std::move(b));
    ready_.notify_one();
  }
  bool pop(Batch& b) {
    std::unique_lock lock(m_);
    ready_.wait(lock, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) return false;
    b = std::move(q_.front());
    q_.pop_front();
    room_.notify_one();
    return true;
  }
  void close() {
    std::lock_guard lock(m_);
    closed_ = true;
    ready_.notify_all();
  }
  // Written batches go back to the thread that allocated them, to be freed
  // there: freeing another thread's memory costs glibc's malloc dearly.
  void recycle(Batch b) {
    std::lock_guard lock(m_);
    used_.push_back(std::move(b));
  }
  void free_used() {
    std::deque<Batch> used;
    {
      std::lock_guard lock(m_);
      used.swap(used_);
    }
  }

 private:
  std::mutex m_;
  std::condition_variable ready_, room_;
  std::deque<Batch> q_, used_;
  bool closed_ = false;
};

struct Stats {
  std::int64_t tickets = 0, events = 0, links = 0;
  std::map<std::string, std::int64_t> statuses, kinds;
  std::map<std::string, std::int64_t> open_load;  // open tickets by assignee
  std::int64_t escalated = 0, reopened = 0;
};

void count(Stats& st, const bench::Told& t) {
  ++st.tickets;
  st.events += static_cast<std::int64_t>(t.events.size());
  st.links += static_cast<std::int64_t>(t.links.size());
  ++st.statuses[t.row.status];
  for (const auto& e : t.events) ++st.kinds[e.kind];
  if (desk::model::is_open_status(t.row.status) && !t.row.assignee.empty())
    ++st.open_load[t.row.assignee];
  if (t.row.escalation_level > 0) ++st.escalated;
  if (t.row.reopen_count > 0) ++st.reopened;
}

// Customers, and which of them each call comes from: a few call often.
struct People {
  std::vector<desk::model::Customer> customers;
  std::vector<std::string> locales;
  std::vector<std::int64_t> of_call;  // customer id of each ticket
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
  // A third of the customers first called during the period: `desk log`
  // added them then.
  std::vector<bool> first_seen(p.customers.size(), false);
  bench::Rng pick(o.seed, 0xca11e5);
  for (const auto& at : calls) {
    double u = pick.uniform();
    auto k = static_cast<std::size_t>(u * u * static_cast<double>(p.customers.size()));
    k = std::min(k, p.customers.size() - 1);
    p.of_call.push_back(static_cast<std::int64_t>(k) + 1);
    if (!first_seen[k]) {
      first_seen[k] = true;
      if (k % 3 == 0) p.customers[k].created_at = p.customers[k].updated_at = at;
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
  // Stories are told with the base capacities; the file gets the final ones.
  const desk::config::Config config = desk::config::load_text(desk_toml(settings), toml);

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
  {
    desk::store::WriteTransaction tx(*store);
    for (const auto& c : p.customers) store->insert_customer(c);
    tx.commit();
  }
  double t_setup = seconds_since(t0);

  // The teller's thread.
  Pipe pipe;
  std::exception_ptr failed;
  std::map<std::string, std::string> cursors;
  double teller_cpu = 0, writer_cpu = 0;
  Stats st;  // counted by the teller, read once it has finished
  std::thread teller_thread([&] {
    try {
      bench::Teller teller(config, clock, now, o.seed);
      Batch batch;
      const std::int64_t first_unallocated = o.tickets - o.unallocated;
      for (std::int64_t i = 0; i < o.tickets; ++i) {
        bench::Call call;
        call.id = i + 1;
        call.at = calls[static_cast<std::size_t>(i)];
        call.customer_id = p.of_call[static_cast<std::size_t>(i)];
        call.locale = p.locales[static_cast<std::size_t>(call.customer_id - 1)];
        call.unallocated = i >= first_unallocated;
        batch.told.push_back(teller.tell(call));
        count(st, batch.told.back());
        if (batch.told.size() == 5000) {
          pipe.push(std::exchange(batch, Batch{}));
          pipe.free_used();
        }
      }
      if (!batch.told.empty()) pipe.push(std::move(batch));
      cursors = teller.cursors();
    } catch (...) {
      failed = std::current_exception();
    }
    teller_cpu = thread_cpu();
    pipe.close();
  });

  // The writer: this thread.
  std::int64_t since_commit = 0;
  auto tx = std::make_unique<desk::store::WriteTransaction>(*store);
  Batch batch;
  std::int64_t next_report = o.tickets / 10, written = 0;
  try {
    double cpu_before = thread_cpu();
    while (pipe.pop(batch)) {
      for (const auto& t : batch.told) {
        store->insert_ticket(t.row);
        // The scratch store numbered them per ticket; the real store numbers
        // them for good (append_event keeps an id it is given).
        for (auto e : t.events) {
          e.id = 0;
          store->append_event(e);
        }
        for (const auto& l : t.links) store->add_link(l);
      }
      since_commit += static_cast<std::int64_t>(batch.told.size());
      if (since_commit >= o.commit_every) {
        tx->commit();
        tx = std::make_unique<desk::store::WriteTransaction>(*store);
        since_commit = 0;
      }
      written += static_cast<std::int64_t>(batch.told.size());
      if (!o.quiet && next_report > 0 && written >= next_report) {
        std::cerr << fmt::format("  {} tickets written ({:.1f} s)\n", written, seconds_since(t0));
        next_report += o.tickets / 10;
      }
      pipe.recycle(std::move(batch));  // freed by the teller: malloc likes that better
      batch = Batch{};
    }
    writer_cpu = thread_cpu() - cpu_before;
  } catch (...) {
    pipe.close();
    teller_thread.join();
    throw;
  }
  teller_thread.join();
  if (failed) std::rethrow_exception(failed);
  for (const auto& [team, last] : cursors) store->set_round_robin_cursor(team, last);
  tx->commit();
  tx.reset();
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
    std::int64_t resolved = st.statuses["resolved"] + st.statuses["closed"];
    std::cerr << fmt::format(
        "made {} tickets, {} events, {} links, {} customers in {:.1f} s "
        "(set-up {:.1f} s, stories and writing {:.1f} s, {:.0f} tickets/s)\n",
        st.tickets, st.events, st.links, p.customers.size(), seconds_since(t0), t_setup,
        t_written - t_setup, static_cast<double>(st.tickets) / std::max(1e-9, t_written - t_setup));
    std::cerr << fmt::format("  CPU: telling stories {:.1f} s, writing {:.1f} s\n", teller_cpu,
                             writer_cpu);
    std::cerr << "  status:";
    for (const auto& s : desk::model::kStatuses)
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
