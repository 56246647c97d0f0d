// desk-mime.so's one export: the table desk loads it for (mail/mime.hpp).
#include "desk/mail/mime.hpp"
#include "desk/mail/mime/compose.hpp"
#include "desk/mail/mime/parse.hpp"

extern "C" __attribute__((visibility("default"))) const desk::mail::MimeModule* desk_mime_module() {
  static const desk::mail::MimeModule module = {DESK_VERSION, sizeof(desk::mail::Message),
                                                sizeof(desk::mail::Outgoing), &desk::mail::parse,
                                                &desk::mail::compose};
  return &module;
}
