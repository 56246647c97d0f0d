// The one way a command changes the store: open it for writing, run the
// action inside one transaction (all or nothing), commit, then run the
// [hooks] for every ticket event the action recorded. The unit of work
// (work::Session) collects those events as work::record writes them, so a
// command cannot forget its hooks; it prints what the action returns.
//
// Writers that deliberately run no hooks: `desk import` (it replays
// history: a hook must not mail a customer about a ticket of 2019), `desk
// restore` (it replaces the whole store). The "hook-failed" event a failing
// hook leaves runs its own hooks once, never again for their failures.
#pragma once

#include <cstdint>
#include <functional>
#include <type_traits>
#include <vector>

#include "desk/model/ticket.hpp"
#include "desk/store/store.hpp"

#include "context.hpp"

namespace desk::cmd {

// After a commit: runs the hooks `events` call for, reports each failure on
// stderr and records it in the ticket's history (then runs the hooks for
// those "hook-failed" events, once). Never throws for a hook.
void run_hooks(Env& env, const std::vector<model::Event>& events);

// Whether write() keeps what the action did: a dry run rolls it back,
// leaving no trace, and runs no hooks.
enum class Keep { changes, nothing };

// Runs `action(session)` in one write transaction, commits, runs the hooks
// for the ticket events it recorded; returns what `action` returned.
template <class F>
auto write(Env& env, F&& action, Keep keep = Keep::changes) {
  auto session = env.session(store::Access::write);
  store::WriteTransaction tx(session.store);
  auto finish = [&] {
    if (keep == Keep::nothing) return;  // the transaction rolls back
    tx.commit();
    run_hooks(env, session.recorded);
  };
  if constexpr (std::is_void_v<std::invoke_result_t<F, work::Session&>>) {
    action(session);
    finish();
  } else {
    auto result = action(session);
    finish();
    return result;
  }
}

using Action = std::function<std::vector<model::Event>(work::Session&, std::int64_t id)>;

// write() for a batch of ticket ids: `action` for each, in order, all in
// one transaction. Returns the events the actions returned, in order.
std::vector<model::Event> change_tickets(Env& env, const std::vector<std::int64_t>& ids,
                                         const Action& action);

// "Resolved ticket 5" lines (or the bare ids with -q) for a batch.
void report_each(Env& env, const std::vector<std::int64_t>& ids, std::string_view verb);

}  // namespace desk::cmd
