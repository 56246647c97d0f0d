// Erasure of a person's data from free text: the pure part of `desk customer
// forget` and of retention, kept beside the chain it rewrites (the store
// runs it in SQL; compliance/ decides when). What counts as the person:
// their name, email and phone wherever they appear (any case; a phone number
// also with other spacing or punctuation), and, on their own tickets, all of
// their words: descriptions, notes, replies and rating comments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "desk/audit/chain.hpp"
#include "desk/model/customer.hpp"

namespace desk::audit {

// The texts that identify a customer in free text; names and numbers too
// short to be told from ordinary words (under 3 characters, or under 6
// digits for a phone) are left out.
std::vector<std::string> needles_for(const model::Customer& c);

// `text` with every mention of a needle replaced by kErased.
std::string scrub(std::string_view text, const std::vector<std::string>& needles);
bool mentions(std::string_view text, const std::vector<std::string>& needles);

// What an erasure does to the strings of an event (see seal in chain.hpp):
enum class Scope {
  own_ticket,  // an event of the person's ticket: their words go whole
  subject,     // an event about the person (customer added, edited): personal fields go whole
  mention,     // anywhere else: only the mentions go
};
Rewrite rewrite_for(Scope scope, const std::vector<std::string>& needles);

}  // namespace desk::audit
