// The words of a generated desk: people, organisations, and what callers say
// and technicians write. Names and some titles are Cyrillic, accented or CJK,
// so that rendering and width handling are exercised the way real desks are.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "desk/model/vocabulary.hpp"

#include "random.hpp"

namespace bench {

struct Person {
  std::string name;   // as shown: "Jörg Müller", "王芳", "Ольга Смирнова"
  std::string email;  // ASCII local part: "joerg.mueller@..."
  std::string organisation;
  std::string phone;
  std::string locale;  // en, latin, ru, zh, ja, ko: picks the language of some titles
};

// A new customer. `emails` holds the addresses given out so far: desk
// refuses two customers with one email, so a repeat gets a number.
Person make_person(Rng& rng, std::unordered_set<std::string>& emails);

// What a ticket says, by category (the starter's categories).
std::string title_for(Rng& rng, const std::string& category, const std::string& locale);
std::string description_for(Rng& rng, const std::string& category, const std::string& channel);
std::vector<std::string> tags_for(Rng& rng, const std::string& category);

// What technicians write along the way.
std::string reply_text(Rng& rng, bool first);
std::string note_text(Rng& rng);
std::string pending_text(Rng& rng, desk::model::PendingReason reason);
std::string resume_text(Rng& rng, desk::model::PendingReason reason);
std::string escalation_text(Rng& rng, const std::string& how);
std::string resolution_text(Rng& rng, const std::string& code, const std::string& category);
std::string workaround_text(Rng& rng, const std::string& category);
std::string reopen_text(Rng& rng);
std::string edit_reason(Rng& rng);
std::string supplier_ref(Rng& rng, const std::string& supplier);

struct Complaint {
  std::string outcome;  // upheld | partly-upheld | not-upheld
  std::string root_cause;
  std::string action;
};
Complaint complaint_resolution(Rng& rng);

struct Rating {
  int score = 0;  // 1..5
  std::string comment;
};
// A resolution's rating; a reopened ticket's customer is less pleased.
Rating rating(Rng& rng, bool reopened);

}  // namespace bench
