#include "desk/kb/serialize.hpp"

#include "desk/model/serialize.hpp"

namespace desk::kb {

namespace {

using model::text_or_null;

// A word of a vocabulary (util/words.hpp), or null for none.
template <typename E>
Json word_or_null(const std::optional<E>& e) {
  return e ? Json(*e) : Json();
}

Json time_or_null(const std::optional<Instant>& t, const Zone& zone) {
  return t ? Json(format_iso(*t, zone)) : Json();
}

}  // namespace

Json article_summary_json(const Article& a, const Zone& zone) {
  Json j = Json::object();
  j["id"] = a.id;
  j["uid"] = a.uid;
  j["title"] = a.title;
  j["kind"] = a.kind;
  j["state"] = a.state;
  j["fix_status"] = word_or_null(a.fix_status);
  j["tags"] = a.tags;
  j["category"] = text_or_null(a.category);
  j["service"] = text_or_null(a.service);
  j["author"] = a.author;
  j["version"] = a.version;
  j["created_at"] = format_iso(a.created_at, zone);
  j["updated_at"] = format_iso(a.updated_at, zone);
  j["published_at"] = time_or_null(a.published_at, zone);
  j["retired_at"] = time_or_null(a.retired_at, zone);
  j["use_count"] = a.use_count;
  return j;
}

Json article_json(const Article& a, const Zone& zone) {
  Json j = article_summary_json(a, zone);
  j["symptom"] = text_or_null(a.symptom);
  j["cause"] = text_or_null(a.cause);
  j["workaround"] = text_or_null(a.workaround);
  j["body"] = text_or_null(a.body);
  return j;
}

Json article_json(const Article& a, const std::vector<ArticleLink>& links, const Zone& zone) {
  Json j = article_json(a, zone);
  Json linked = Json::array(), resolved = Json::array();
  for (const auto& l : links) {
    linked.push_back(l.ticket_id);
    if (l.resolved_at) resolved.push_back(l.ticket_id);
  }
  j["linked_tickets"] = std::move(linked);
  j["resolved_tickets"] = std::move(resolved);
  return j;
}

Json version_json(const ArticleVersion& v, const Zone& zone) {
  Json j = Json::object();
  j["article"] = v.article.id;
  j["version"] = v.number;
  j["at"] = format_iso(v.at, zone);
  j["actor"] = v.actor;
  j["action"] = v.action;
  j["changed"] = v.changed;
  j["note"] = text_or_null(v.note);
  j["state"] = v.article.state;
  j["title"] = v.article.title;
  return j;
}

Json ticket_article_json(const ArticleLink& l, const Zone& zone) {
  Json j = Json::object();
  j["id"] = l.article_id;
  j["title"] = l.title;
  j["kind"] = word_or_null(l.kind);
  j["state"] = word_or_null(l.state);
  j["linked_at"] = format_iso(l.linked_at, zone);
  j["resolved_at"] = time_or_null(l.resolved_at, zone);
  return j;
}

Json hit_json(const ArticleHit& h, const Zone& zone) {
  Json j = article_summary_json(h.article, zone);
  j["score"] = h.score;
  j["snippet"] = h.snippet.text;
  j["fragment"] = h.fragment;
  return j;
}

}  // namespace desk::kb
