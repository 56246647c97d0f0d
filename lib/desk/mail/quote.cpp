#include "desk/mail/quote.hpp"

#include <array>
#include <optional>
#include <vector>

#include "desk/util/lines.hpp"
#include "desk/util/strings.hpp"

namespace desk::mail {

namespace {

using Lines = std::vector<std::string_view>;

bool blank(std::string_view line) {
  return util::trim(line).empty();
}
bool quoted_line(std::string_view line) {
  std::string_view t = util::trim(line);
  return !t.empty() && t.front() == '>';
}

// ASCII case-insensitive prefix test (the labels are ASCII or matched as
// written).
bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         util::to_lower_ascii(s.substr(0, prefix.size())) == util::to_lower_ascii(prefix);
}
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "-----Original Message-----" as Outlook writes it in a few languages.
bool outlook_separator(std::string_view line) {
  std::string_view t = util::trim(line);
  if (t.size() < 8 || t.substr(0, 2) != "--" || !ends_with(t, "--")) return false;
  while (!t.empty() && t.front() == '-') t.remove_prefix(1);
  while (!t.empty() && t.back() == '-') t.remove_suffix(1);
  // Folded: Outlook capitalises ("Исходное сообщение", "Ursprüngliche
  // Nachricht"), and the fold also lowers non-ASCII letters.
  std::string label = util::fold(util::trim(t));
  static constexpr std::array<std::string_view, 8> kLabels = {
      "original message",       "ursprüngliche nachricht", "message d'origine",
      "исходное сообщение",     "mensaje original",        "messaggio originale",
      "oorspronkelijk bericht", "original meddelelse"};
  for (std::string_view l : kLabels)
    if (label == util::fold(l)) return true;
  return false;
}

bool from_label(std::string_view line) {
  std::string_view t = util::trim(line);
  for (std::string_view l : {"From:", "Von:", "De :", "De:", "От:", "Van:", "Da:"})
    if (starts_with_nocase(t, l)) return true;
  return false;
}
bool sent_label(std::string_view line) {
  std::string_view t = util::trim(line);
  for (std::string_view l : {"Sent:", "Date:", "Gesendet:", "Envoyé :", "Envoyé:", "Отправлено:",
                             "Дата:", "Enviado:", "Inviato:", "Verzonden:"})
    if (starts_with_nocase(t, l)) return true;
  return false;
}

// A horizontal rule as Outlook writes one above the quoted header: a line
// of underscores, or of dashes (an HTML <hr> rendered).
bool rule_line(std::string_view line) {
  std::string_view t = util::trim(line);
  return t.size() >= 4 && (t.find_first_not_of('_') == std::string_view::npos ||
                           t.find_first_not_of('-') == std::string_view::npos);
}

// Outlook's header block of the quoted message: "From:", then "Sent:" (or
// "Date:") within the next three lines. A rule just above it belongs to
// the history too.
std::optional<std::size_t> outlook_header(const Lines& lines, std::size_t i) {
  if (!from_label(lines[i])) return std::nullopt;
  for (std::size_t j = i + 1; j < lines.size() && j <= i + 3; ++j) {
    if (!sent_label(lines[j])) continue;
    std::size_t above = i;
    while (above > 0 && blank(lines[above - 1])) --above;
    return above > 0 && rule_line(lines[above - 1]) ? above - 1 : i;
  }
  return std::nullopt;
}

bool attribution_end(std::string_view line) {
  std::string_view t = util::trim(line);
  // German puts the name after the verb: "Am 02.11.2026 schrieb Desk:".
  if (ends_with(t, ":") && t.find(" schrieb ") != std::string_view::npos) return true;
  for (std::string_view w :
       {"wrote:", "schrieb:", "a écrit :", "a écrit:", "пишет:", "написал:", "написала:",
        "написал(а):", "escribió:", "ha scritto:", "skrev:", "schreef:"})
    if (ends_with(t, w)) return true;
  return false;
}

// "On <date>, <name> wrote:" over one to three lines starting at i; the
// index of its last line.
std::optional<std::size_t> attribution(const Lines& lines, std::size_t i) {
  if (blank(lines[i]) || quoted_line(lines[i])) return std::nullopt;
  for (std::size_t j = i; j < lines.size() && j < i + 3; ++j) {
    if (blank(lines[j]) || quoted_line(lines[j])) return std::nullopt;
    if (attribution_end(lines[j])) return j;
  }
  return std::nullopt;
}

// After the attribution ending at `last`: quoted lines follow, and
// nothing but quoted or blank lines until the end (else the reply is
// written between the quotes).
bool only_quotes_follow(const Lines& lines, std::size_t last) {
  bool any = false;
  for (std::size_t k = last + 1; k < lines.size(); ++k) {
    if (blank(lines[k])) continue;
    if (!quoted_line(lines[k])) return false;
    any = true;
  }
  return any;
}

std::string joined(const Lines& lines, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) out.push_back('\n');
    out.append(lines[i]);
  }
  return out;
}

std::size_t history_start(const Lines& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (outlook_separator(lines[i])) return i;
    if (auto start = outlook_header(lines, i)) return *start;
    if (auto last = attribution(lines, i)) {
      // "On ... wrote:" counts only when the quote follows it; a sentence
      // that happens to end in "wrote:" is the customer's own.
      if (only_quotes_follow(lines, *last)) return i;
      i = *last;
    }
  }
  // A trailing run of quoted (and blank) lines.
  std::size_t end = lines.size();
  while (end > 0 && blank(lines[end - 1])) --end;
  std::size_t start = end;
  while (start > 0 && (quoted_line(lines[start - 1]) || blank(lines[start - 1]))) --start;
  while (start < end && blank(lines[start])) ++start;
  return start < end ? start : lines.size();
}

}  // namespace

QuoteSplit split_quoted(std::string_view text) {
  Lines lines = util::lines_of(text);
  std::size_t start = history_start(lines);
  // Text that begins with the history says nothing new above it: a forward.
  std::size_t first_text = 0;
  while (first_text < lines.size() && blank(lines[first_text])) ++first_text;
  if (start <= first_text) start = lines.size();

  std::size_t new_end = start;
  while (new_end > 0 && blank(lines[new_end - 1])) --new_end;
  std::size_t quote_end = lines.size();
  while (quote_end > start && blank(lines[quote_end - 1])) --quote_end;
  return {joined(lines, first_text, new_end), joined(lines, start, quote_end)};
}

}  // namespace desk::mail
