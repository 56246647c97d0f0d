// How desk recognises its own mail and the ticket a message is about:
//
// - Message-IDs of desk's outgoing mail are signed:
//     desk.<ticket>.<serial>.<signature>@<domain>
//   where the signature is the first 10 bytes (20 hex digits) of
//   HMAC-SHA-256 under the store's secret of "desk.<ticket>.<serial>". A
//   reply naming such an ID in In-Reply-To or References threads to that
//   ticket; one that merely looks like it (a guessed or altered ID) does
//   not, so nobody can attach mail to someone else's ticket by writing an
//   ID by hand. The domain is not signed: the ID stays valid when
//   [mail].domain changes.
// - The subject tag: "[desk #123] Printer jams" ([mail].subject_tag).
// - The address extension: support+123@example.org for ticket 123.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace desk::mail {

struct DeskMessageId {
  std::int64_t ticket = 0;
  std::int64_t serial = 0;  // the outgoing message's number, unique in the store
  bool operator==(const DeskMessageId&) const = default;
};

// Without angle brackets. `secret` is the store's key (bytes).
std::string signed_message_id(std::string_view secret, DeskMessageId id, std::string_view domain);
// The ticket and serial of an ID desk signed with `secret`, or nullopt for
// any other ID (another mailer's, a forged or altered one). With or
// without angle brackets.
std::optional<DeskMessageId> verify_message_id(std::string_view secret, std::string_view id);

// `subject` with the tag for `ticket` in front ("[desk #12] Printer"),
// unless it already carries that ticket's tag.
std::string tag_subject(std::string_view subject, std::string_view tag, std::int64_t ticket);
// The ticket named by the first "[<tag> #<n>]" in `subject` (the tag's case
// and spaces inside the brackets do not matter), or nullopt.
std::optional<std::int64_t> subject_ticket(std::string_view subject, std::string_view tag);

// The ticket in an address extension: "support+123@example.org" gives 123
// when "support@example.org" is one of `desk_addresses` (case-insensitive).
std::optional<std::int64_t> address_extension(std::string_view address,
                                              const std::vector<std::string>& desk_addresses);

// Whether `address` is one of `desk_addresses`, with or without an
// extension (case-insensitive).
bool is_desk_address(std::string_view address, const std::vector<std::string>& desk_addresses);

}  // namespace desk::mail
