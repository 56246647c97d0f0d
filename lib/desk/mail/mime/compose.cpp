#include "desk/mail/mime/compose.hpp"

#include "desk/mail/mime/gmime.hpp"

namespace desk::mail {

namespace {

std::string bracketed(const std::string& id) {
  return "<" + id + ">";
}

// Names are encoded as UTF-8, not in the smallest charset that holds them
// (GMime would pick iso-8859-5 for Russian, which some mailers mangle).
void add(GMimeMessage* m, GMimeAddressType type, const std::vector<Address>& list) {
  InternetAddressList* addresses = g_mime_message_get_addresses(m, type);
  for (const Address& a : list) {
    gm::Ref<InternetAddress> mailbox(
        internet_address_mailbox_new(a.name.c_str(), a.address.c_str()));
    internet_address_set_charset(mailbox.get(), "utf-8");
    internet_address_list_add(addresses, mailbox.get());
  }
}

// The body as a text/plain part in UTF-8, quoted-printable when it has
// 8-bit characters (base64 when those are most of it: GMime's choice).
gm::Ref<GMimeTextPart> text_part(std::string text) {
  std::string lf;
  lf.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) lf.push_back(text[i]);
  if (lf.empty() || lf.back() != '\n') lf.push_back('\n');
  gm::Ref<GMimeTextPart> part(g_mime_text_part_new_with_subtype("plain"));
  g_mime_text_part_set_charset(part.get(), "utf-8");
  gm::Ref<GMimeStream> stream = gm::memory_stream(lf);
  gm::Ref<GMimeDataWrapper> content(
      g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(GMIME_PART(part.get()), content.get());
  GMimeContentEncoding encoding =
      g_mime_part_get_best_content_encoding(GMIME_PART(part.get()), GMIME_ENCODING_CONSTRAINT_7BIT);
  g_mime_part_set_content_encoding(GMIME_PART(part.get()), encoding);
  return part;
}

}  // namespace

std::string compose(const Outgoing& out) {
  gm::init();
  gm::Ref<GMimeMessage> m(g_mime_message_new(TRUE));
  GMimeObject* object = GMIME_OBJECT(m.get());
  add(m.get(), GMIME_ADDRESS_TYPE_FROM, {out.from});
  add(m.get(), GMIME_ADDRESS_TYPE_TO, out.to);
  add(m.get(), GMIME_ADDRESS_TYPE_CC, out.cc);
  g_mime_message_set_subject(m.get(), out.subject.c_str(), "utf-8");
  gm::DateTime date(g_date_time_new_from_unix_utc(out.date));
  g_mime_message_set_date(m.get(), date.get());
  g_mime_message_set_message_id(m.get(), out.message_id.c_str());
  if (!out.in_reply_to.empty())
    g_mime_object_set_header(object, "In-Reply-To", bracketed(out.in_reply_to).c_str(), nullptr);
  if (!out.references.empty()) {
    std::string refs;
    for (const std::string& r : out.references) refs += (refs.empty() ? "" : " ") + bracketed(r);
    g_mime_object_set_header(object, "References", refs.c_str(), nullptr);
  }
  if (out.automatic) {
    g_mime_object_set_header(object, "Auto-Submitted", "auto-replied", nullptr);
    // Exchange's own switch: no out-of-office answer to this message.
    g_mime_object_set_header(object, "X-Auto-Response-Suppress", "All", nullptr);
  }
  if (!out.loop_value.empty())
    g_mime_object_set_header(object, "X-Desk-Loop", out.loop_value.c_str(), nullptr);

  gm::Ref<GMimeTextPart> body = text_part(out.text);
  g_mime_message_set_mime_part(m.get(), GMIME_OBJECT(body.get()));
  gm::FormatOptions format(g_mime_format_options_new());
  g_mime_format_options_set_newline_format(format.get(), GMIME_NEWLINE_FORMAT_UNIX);
  return gm::take(g_mime_object_to_string(object, format.get()));
}

}  // namespace desk::mail
