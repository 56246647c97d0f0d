// An article's versions as the events about it ("article:ID") tell them.
// kb_versions keeps each version whole and kb_articles the newest, for fast
// reading; each saved version is also an "article-version" event carrying
// the version as its row holds it, so the audit chain covers it and
// `desk doctor` checks the rows against the events, as it does tickets'.
#pragma once

#include <string>
#include <vector>

#include "desk/model/article.hpp"
#include "desk/model/ticket.hpp"

namespace desk::model {

// The article as a version's row holds it (texts as stored: tags joined by
// spaces), without what the store derives (its id, uid, use count).
Json article_record(const Article& a);
// The version as its row holds it: number, when, who, action, the fields it
// changed (joined by commas), note, and the article after it.
Json version_record(const ArticleVersion& v);

// The names of the fields in which two records differ, in their order; the
// article's own fields by their names ("title", not "article").
std::vector<std::string> differing_keys(const Json& row, const Json& told);

}  // namespace desk::model
