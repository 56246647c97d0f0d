#include "story.hpp"

#include <algorithm>

#include "desk/catalog/customers.hpp"
#include "desk/catalog/fulfilment.hpp"
#include "desk/model/fields.hpp"
#include "desk/tickets/actions.hpp"
#include "desk/tickets/allocation.hpp"
#include "desk/tickets/lifecycle.hpp"

#include "corpus.hpp"

namespace bench {

namespace tk = desk::tickets;
using desk::Seconds;
using desk::model::PendingReason;
using desk::model::Status;

namespace {

const std::vector<std::string> kTypes = {"incident", "service-request", "access-request",
                                         "information-request", "complaint"};
const std::vector<double> kTypeWeights = {55, 25, 8, 9, 3};
const std::vector<std::string> kChannels = {"email", "portal", "phone", "chat", "walk-in", "bot"};
const std::vector<double> kChannelWeights = {35, 25, 22, 12, 4, 2};
const std::vector<std::string> kCategories = {"hardware", "software", "network",
                                              "access",   "account",  "other"};
const std::vector<double> kCategoryWeights = {22, 32, 14, 8, 14, 10};
const std::vector<std::string> kLevels = {"high", "medium", "low"};
const std::vector<double> kImpactWeights = {10, 35, 55};
const std::vector<double> kUrgencyWeights = {15, 45, 40};
const std::vector<std::string> kCodes = {"fixed",          "workaround", "information-given",
                                         "no-fault-found", "duplicate",  "cancelled"};
const std::vector<double> kCodeWeights = {55, 12, 18, 7, 5, 3};

// Minutes of wall-clock time by priority, P1 to P5: to the first reply, and
// the work from starting to resolving.
constexpr double kReply[5] = {10, 30, 90, 240, 480};
constexpr double kWork[5] = {180, 480, 1440, 2880, 4320};

// How likely a ticket is to stall (sit open at "now" whatever its age):
// tuned so that about 70% of a 90-day store is resolved or closed.
constexpr double kStall = 0.255;

std::size_t rank_of(const std::string& priority) {
  if (priority.size() == 2 && priority[0] == 'P' && priority[1] >= '1' && priority[1] <= '5')
    return static_cast<std::size_t>(priority[1] - '1');
  return 2;
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

class Teller::Story {
 public:
  Story(Teller& teller, const Call& call)
      : t_(teller),
        s_(teller.session_),
        call_(call),
        rng_(teller.seed_, static_cast<std::uint64_t>(call.id)) {}

  // Logs the call and tells the story to its end, or until it waits for
  // cron: then the cron run it waits for, or nullopt when the story is told.
  std::optional<Instant> begin() {
    logger_ = log();
    if (call_.unallocated) return std::nullopt;
    rank_ = rank_of(ticket().priority);
    urgent_ = rank_ == 0;  // P1s are worked round the clock
    stalled_ = rng_.chance(kStall);
    stall_at_ = rng_.weighted({25, 35, 40});  // assigned, in progress, pending
    if (auto run = allocate_first()) return run;
    carry_on();
    return std::nullopt;
  }

  // After the cron run at `run` the story waited for, which recorded
  // `events` on its ticket (none when nobody could take it).
  void after_cron(Instant run, const std::vector<Event>& events) {
    last_ = std::max(last_, run);
    took(events);
    if (ticket().assignee.empty()) allocate_by_hand(rng_.lognormal(20, 0.8));
    carry_on();
  }

  Told& result() { return told_; }

 private:
  void carry_on() {
    if (!(stalled_ && stall_at_ == 0)) work(logger_);
  }

  // The ticket as the store now has it: what the story has recorded, applied
  // as the store applies it (so no read back).
  const Ticket& ticket() const { return told_.row; }
  const desk::config::Config& config() const { return t_.config_; }
  const WorkClock& clock() const { return t_.clock_; }
  Instant now() const { return t_.now_; }
  std::string tech() const { return ticket().assignee.empty() ? "alice" : ticket().assignee; }
  Instant after(double minutes, bool anytime) {
    return clock().after(last_, minutes, anytime, rng_);
  }

  // Runs the command `f` as `actor` at `when`; false, doing nothing, when that
  // is after now: the story has not got there yet.
  template <typename F>
  bool at(Instant when, const std::string& actor, F&& f) {
    when = std::max(when, last_);
    if (when > now()) return false;
    s_.now = when;
    s_.actor = actor;
    took(f());
    last_ = when;
    return true;
  }

  // What a use case recorded: this ticket's events change the story's copy
  // of its row, as record() changed the stored one.
  void took(const Event& e) {
    if (e.ticket_id == call_.id) desk::model::apply(told_.row, e);
    told_.events.push_back(e);
  }
  void took(const std::vector<Event>& events) {
    for (const auto& e : events) took(e);
  }
  void took(const std::optional<Event>& e) {
    if (e) took(*e);
  }
  void took(const tk::AutoResult& r) { took(r.events); }

  // Some steps are never left undone at "now" (nobody leaves a ticket
  // unallocated for long): a time past now is pulled back before it.
  Instant soon(Instant when) {
    if (when <= now()) return when;
    auto room = (now() - last_).count();
    return last_ + Seconds{static_cast<std::int64_t>(rng_.uniform() * static_cast<double>(room))};
  }

  std::string log() {
    std::string type = kTypes[rng_.weighted(kTypeWeights)];
    std::string category = type == "access-request" ? (rng_.chance(0.8) ? "access" : "account")
                           : type == "complaint"    ? (rng_.chance(0.6) ? "other" : "software")
                                                    : kCategories[rng_.weighted(kCategoryWeights)];
    channel_ = kChannels[rng_.weighted(kChannelWeights)];
    tk::LogRequest r;
    r.title = capitalised(title_for(rng_, category, call_.locale));
    r.type = type;
    r.channel = channel_;
    r.category = category;
    r.impact = kLevels[rng_.weighted(kImpactWeights)];
    r.urgency = kLevels[rng_.weighted(kUrgencyWeights)];
    r.tags = tags_for(rng_, category);
    r.description = description_for(rng_, category, channel_);
    r.at = call_.at;
    // Calls and walk-ins are written up a few minutes after they happen
    // (desk log --at); mail, the portal and the bot log as they arrive.
    std::string logger;
    double minutes = 0;
    if (channel_ == "email") {
      logger = "mailgate";
    } else if (channel_ == "portal") {
      logger = "portal";
    } else if (channel_ == "bot") {
      logger = "chatbot";
    } else {
      logger = first_line(call_.at);
      minutes = rng_.uniform(0.5, channel_ == "chat" ? 3 : 12);
    }
    Instant written = std::min(now(), call_.at + Seconds{static_cast<std::int64_t>(minutes * 60)});
    // Cron's runs before then happened before this ticket was in the store.
    t_.run_cron(written);
    s_.now = written;
    s_.actor = logger;
    // A first call: whoever logs it adds the caller (`desk customer add`).
    told_.customer_id =
        call_.newcomer ? desk::catalog::add_customer(s_, *call_.newcomer).id : call_.customer_id;
    if (told_.customer_id) r.customer = std::to_string(told_.customer_id);
    tk::Logged logged = tk::log_ticket(s_, r);
    told_.row = std::move(logged.ticket);
    told_.events.push_back(std::move(logged.event));
    last_ = s_.now;
    return logger;
  }

  // Who answers the phone: a first-line technician (the one away now was
  // there until two weeks ago).
  std::string first_line(Instant when) {
    const auto* team = config().team("service-desk");
    std::vector<std::string> here;
    for (const auto& m : team->members) {
      const auto* tech = config().technician(m);
      if (tech && (!tech->away || when < now() - Seconds{14 * 86400})) here.push_back(m);
    }
    return rng_.pick(here);
  }

  // A member of `team` for this ticket: someone with the skill when there is one.
  std::string member(const desk::config::Team& team) {
    std::vector<std::string> skilled, any;
    for (const auto& m : team.members) {
      const auto* tech = config().technician(m);
      if (tech == nullptr || tech->away) continue;
      any.push_back(m);
      if (std::find(tech->skills.begin(), tech->skills.end(), ticket().category) !=
          tech->skills.end())
        skilled.push_back(m);
    }
    if (any.empty()) return team.members.front();
    return !skilled.empty() && rng_.chance(0.7) ? rng_.pick(skilled) : rng_.pick(any);
  }

  // `desk allocate --auto` from cron, every ten minutes: the run after the
  // ticket was logged, or one at now when that is later.
  Instant next_cron_run() const {
    std::int64_t t = desk::to_unix(last_);
    return std::min(now(), desk::from_unix((t / 600 + 1) * 600));
  }

  // By hand: the team's manager (or a senior technician) allocates.
  void allocate_by_hand(double minutes) {
    const auto* team = config().team(tk::route(config(), ticket()));
    std::string lead = team->manager.empty() ? team->members.front() : team->manager;
    std::string to = member(*team);
    at(soon(after(minutes, true)), lead, [&] {
      return tk::allocate(s_, call_.id, {to, "", true, std::nullopt});
    });
  }

  // The cron run to wait for, when the ticket is left to it.
  std::optional<Instant> allocate_first() {
    if (config().technician(logger_) && rng_.chance(0.65)) {
      // desk take: whoever answered keeps the call.
      kept_by_logger_ = true;
      at(soon(after(rng_.uniform(0, 2), true)), logger_, [&] {
        return tk::allocate(s_, call_.id, {logger_, "", true, std::nullopt});
      });
      return std::nullopt;
    }
    if (rng_.chance(0.7)) return next_cron_run();
    allocate_by_hand(rng_.lognormal(20, 0.8));
    return std::nullopt;
  }

  bool reply(Instant when, bool first) {
    std::string channel = channel_ == "portal" || channel_ == "bot" || channel_ == "walk-in"
                              ? std::string("email")
                              : channel_;
    return at(when, tech(), [&] {
      return tk::add_note(s_, call_.id, {reply_text(rng_, first), true, channel, std::nullopt});
    });
  }

  bool note(Instant when) {
    return at(when, tech(), [&] {
      return tk::add_note(s_, call_.id, {note_text(rng_), false, "", std::nullopt});
    });
  }

  bool start(Instant when) {
    if (ticket().status != Status::new_ && ticket().status != Status::assigned) return true;
    return at(when, tech(), [&] { return tk::start_work(s_, call_.id, {}); });
  }

  bool pending(PendingReason reason) {
    Instant when = after(rng_.lognormal(60, 1.0), urgent_);
    return at(when, tech(), [&] {
      return tk::set_pending(s_, call_.id, {reason, pending_text(rng_, reason), std::nullopt});
    });
  }

  bool pending_and_back(PendingReason reason) {
    if (!pending(reason)) return false;
    double wait = reason == PendingReason::customer   ? 1440
                  : reason == PendingReason::supplier ? 2880
                                                      : 4320;
    return at(after(rng_.lognormal(wait, 0.8), false), tech(), [&] {
      return tk::resume_work(s_, call_.id, {{}, resume_text(rng_, reason), std::nullopt});
    });
  }

  bool edit() {
    tk::EditRequest r;
    if (ticket().urgency != "high")
      r.urgency = "high";
    else
      r.impact = "medium";
    r.reason = edit_reason(rng_);
    return at(after(rng_.lognormal(30, 1.0), urgent_), tech(),
              [&] { return tk::edit_ticket(s_, call_.id, r); });
  }

  bool escalate() {
    const auto* team = config().team(ticket().team);
    if (team == nullptr) return true;
    const std::string& category = ticket().category;
    bool supplier_fault = category == "network" || category == "hardware";
    std::size_t how = rng_.weighted({60, 8, supplier_fault ? 14.0 : 0.0, rank_ <= 1 ? 30.0 : 10.0});
    if (how == 0 && team->escalates_to.value.empty()) how = 3;
    if (how == 3 && team->manager.empty()) return true;
    tk::EscalateRequest r;
    std::string kind = how == 2 ? "supplier" : how == 3 ? "manager" : "functional";
    r.reason = escalation_text(rng_, kind);
    if (how == 0) {
      r.up = true;
    } else if (how == 1) {
      r.to_team = team->name == "infrastructure" ? "second-line" : "infrastructure";
    } else if (how == 2) {
      r.supplier = category == "network" ? "acme-networks" : "papyrus-print";
      r.ref = supplier_ref(rng_, r.supplier);
    } else {
      r.manager = true;
    }
    Instant when = after(rng_.lognormal(kWork[rank_] * 0.4, 0.8), urgent_);
    if (!at(when, tech(), [&] { return tk::escalate(s_, call_.id, r); })) return false;
    if (how <= 1) {
      // The new team picks it up: its lead allocates it, or one of them
      // takes it. (Not cron: a story waits for cron only once, after it is
      // logged.)
      if (rng_.chance(0.5)) {
        allocate_by_hand(rng_.lognormal(30, 1.0));
      } else {
        const auto* to = config().team(ticket().team);
        std::string taker = member(*to);
        at(soon(after(rng_.lognormal(30, 1.0), urgent_)), taker, [&] {
          return tk::allocate(s_, call_.id, {taker, "", true, std::nullopt});
        });
      }
      return start(after(rng_.lognormal(20, 1.0), urgent_));
    }
    if (how == 2) return pending_and_back(PendingReason::supplier);
    return true;
  }

  bool resolve() {
    std::string code = kCodes[rng_.weighted(kCodeWeights)];
    if (code == "duplicate" && call_.id < 2) code = "fixed";
    tk::ResolveRequest r;
    r.code = code;
    r.resolution = resolution_text(rng_, code, ticket().category);
    if (code == "workaround") r.workaround = workaround_text(rng_, ticket().category);
    if (code == "duplicate")
      r.duplicate_of = call_.id - rng_.between(1, std::min<std::int64_t>(400, call_.id - 1));
    Instant when = after(rng_.lognormal(kWork[rank_], 1.0), urgent_);
    return resolve_at(when, r);
  }

  // Resolves as `r` says, with a complaint's outcome, root cause and action,
  // which desk requires of complaints; a quarter of the customers then rate
  // the resolution (desk rate).
  bool resolve_at(Instant when, tk::ResolveRequest r) {
    if (ticket().type == desk::catalog::kComplaint) {
      Complaint c = complaint_resolution(rng_);
      r.outcome = c.outcome;
      r.root_cause = c.root_cause;
      r.action = c.action;
    }
    // Two technicians in three record the time the ticket took (desk
    // resolve --time), as the staffing forecast's handle time needs.
    s_.worked = rng_.chance(0.67)
                    ? 60 * std::clamp<std::int64_t>(
                               static_cast<std::int64_t>(rng_.lognormal(18, 0.8)), 1, 480)
                    : 0;
    bool done = at(when, tech(), [&] { return tk::resolve(s_, call_.id, r); });
    s_.worked = 0;
    if (!done) return false;
    if (rng_.chance(0.25)) {
      Rating rated = rating(rng_, ticket().reopen_count > 0);
      // The satisfaction survey's mail records the score.
      at(after(rng_.lognormal(240, 1.2), false), "survey", [&] {
        return desk::catalog::rate(s_, call_.id, {rated.score, rated.comment, std::nullopt});
      });
    }
    return true;
  }

  void close() {
    if (ticket().status != Status::resolved || !rng_.chance(0.55)) return;
    // The customer confirms and the technician closes it.
    at(after(rng_.lognormal(1440, 1.0), false), tech(),
       [&] { return tk::close_ticket(s_, call_.id, std::nullopt); });
  }

  bool reopen() {
    if (!at(after(rng_.lognormal(1440, 1.0), false), tech(),
            [&] { return tk::reopen(s_, call_.id, reopen_text(rng_), std::nullopt); }))
      return false;
    return start(after(rng_.lognormal(60, 1.0), urgent_)) &&
           reply(after(rng_.lognormal(30, 1.0), urgent_), false) && resolve();
  }

  // Resolved while the caller is still on the line.
  void first_contact() {
    if (rng_.chance(0.5)) reply(after(rng_.uniform(1, 5), true), true);
    tk::ResolveRequest r;
    r.code = rng_.chance(0.6) ? "fixed" : "information-given";
    r.resolution = resolution_text(rng_, r.code, ticket().category);
    resolve_at(after(rng_.uniform(3, 20), true), r);
    close();
  }

  void work(const std::string& logger) {
    bool live = channel_ == "phone" || channel_ == "chat" || channel_ == "walk-in";
    if (kept_by_logger_ && live && !stalled_ && ticket().assignee == logger && rng_.chance(0.3))
      return first_contact();
    Instant first = after(rng_.lognormal(kReply[rank_], 0.9), urgent_);
    if (rng_.chance(0.5)) {
      if (!reply(first, true) || !start(after(rng_.lognormal(15, 1.0), urgent_))) return;
    } else {
      if (!start(first) || !reply(after(rng_.lognormal(10, 1.0), urgent_), true)) return;
    }
    if (rng_.chance(0.03) && !edit()) return;
    if (stalled_ && stall_at_ == 1) {
      if (rng_.chance(0.5)) note(after(rng_.lognormal(120, 1.0), urgent_));
      return;
    }
    int notes = static_cast<int>(rng_.weighted({45, 35, 15, 5}));
    for (int i = 0; i < notes; ++i)
      if (!note(after(rng_.lognormal(90, 1.0), urgent_))) return;
    if (rng_.chance(0.15) && !escalate()) return;
    if (stalled_) {
      if (ticket().status != Status::pending)
        pending(rng_.chance(0.6) ? PendingReason::customer : PendingReason::change);
      return;
    }
    if (rng_.chance(0.2) &&
        !pending_and_back(rng_.chance(0.7) ? PendingReason::customer : PendingReason::change))
      return;
    if (!resolve()) return;
    if (ticket().resolution_code != "duplicate" && rng_.chance(0.04) && !reopen()) return;
    close();
  }

  Teller& t_;
  desk::work::Session& s_;
  const Call call_;
  Rng rng_;
  std::string logger_;
  Instant last_{};
  std::string channel_;
  std::size_t rank_ = 2;
  bool urgent_ = false;
  bool stalled_ = false;
  std::size_t stall_at_ = 0;
  bool kept_by_logger_ = false;
  Told told_;
};

Teller::Teller(const desk::config::Config& config, desk::store::Store& store,
               const WorkClock& clock, Instant now, std::uint64_t seed)
    : config_(config),
      clock_(clock),
      now_(now),
      seed_(seed),
      session_{config_, store, now, "desk"} {}

Teller::~Teller() = default;

std::int64_t Teller::tell(const Call& call) {
  auto story = std::make_unique<Story>(*this, call);
  std::optional<Instant> run = story->begin();
  std::int64_t customer = story->result().customer_id;
  if (run)
    waiting_[*run].push_back(std::move(story));
  else
    told(std::move(story->result()));
  return customer;
}

void Teller::run_cron(std::optional<Instant> until) {
  while (!waiting_.empty() && (!until || waiting_.begin()->first <= *until)) {
    Instant run = waiting_.begin()->first;
    session_.now = run;
    session_.actor = "cron";
    std::vector<Event> events = desk::tickets::auto_allocate(session_, {}).events;
    std::map<std::int64_t, std::vector<Event>> of_ticket;
    for (auto& e : events) of_ticket[e.ticket_id].push_back(std::move(e));
    // The stories that waited for this run carry on, and so do those it
    // allocated before the run they waited for (a call written up late
    // came into the store before an earlier call's run).
    std::map<std::int64_t, std::unique_ptr<Story>> resumed;
    for (auto& story : waiting_.begin()->second) resumed[story->result().row.id] = std::move(story);
    waiting_.erase(waiting_.begin());
    for (auto& [later, stories] : waiting_)
      for (auto& story : stories)
        if (story && of_ticket.count(story->result().row.id))
          resumed[story->result().row.id] = std::move(story);
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      std::erase(it->second, nullptr);
      it = it->second.empty() ? waiting_.erase(it) : std::next(it);
    }
    for (auto& [id, story] : resumed) {
      auto mine = of_ticket.extract(id);
      story->after_cron(run, mine ? mine.mapped() : std::vector<Event>{});
      told(std::move(story->result()));
    }
    // Anything else it allocated (nothing, unless a story left a ticket
    // without an owner) is counted all the same.
    Told others;
    for (auto& [id, rest] : of_ticket)
      for (auto& e : rest) others.events.push_back(std::move(e));
    if (!others.events.empty()) told(std::move(others));
  }
}

}  // namespace bench
