// Articles, versions, links and hits as the documented JSON shape
// (desk-kb(1) "JSON FIELDS"): snake_case keys, null for "none", times in
// ISO 8601 with the offset of the configured zone.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "desk/core/time.hpp"
#include "desk/kb/article.hpp"

namespace desk::kb {

using Json = nlohmann::ordered_json;

// Every field but the texts: what `kb list` shows.
Json article_summary_json(const Article& a, const Zone& zone);
// Every field, the texts (body, symptom, cause, workaround) too.
Json article_json(const Article& a, const Zone& zone);
// article_json, with linked_tickets and resolved_tickets from `links`.
Json article_json(const Article& a, const std::vector<ArticleLink>& links, const Zone& zone);
// version, at, actor, action, changed, note.
Json version_json(const ArticleVersion& v, const Zone& zone);
// A ticket's article: id, title, kind, state, linked_at, resolved_at.
Json ticket_article_json(const ArticleLink& l, const Zone& zone);
// article_summary_json with score, snippet (plain text) and fragment.
Json hit_json(const ArticleHit& h, const Zone& zone);

}  // namespace desk::kb
