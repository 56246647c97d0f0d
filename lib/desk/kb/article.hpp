// What the knowledge base does with an article's values (model/article.hpp)
// before it stores them: uids, clean text and tags, and what changed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "desk/model/article.hpp"

namespace desk::kb {

using model::Article;
using model::ArticleFilter;
using model::ArticleHit;
using model::ArticleLink;
using model::ArticleVersion;

// A new random uid (a UUID, version 4).
std::string new_uid();

// Text as stored: CRLF as LF, control characters other than newline and tab
// removed (so stored text cannot drive a terminal), blank lines at the start
// and white space at the end trimmed. Every way in (add, edit, import) goes
// through it, so an export and import reproduce an article exactly.
std::string clean_text(std::string_view s);

// The fields that differ between two states of an article: content fields
// in kArticleContentFields order, then state, created_at, published_at and
// retired_at (not id, uid, version or updated_at).
std::vector<std::string> article_differences(const Article& a, const Article& b);

// Sorted, without repeats, each checked (work::checked_tag).
std::vector<std::string> clean_tags(const std::vector<std::string>& tags);

}  // namespace desk::kb
