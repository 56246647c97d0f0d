#include "corpus.hpp"

#include <fmt/format.h>

namespace bench {

namespace {

// A name as shown, and how it is spelled in an email address.
struct Name {
  const char* shown;
  const char* ascii;
};

struct Locale {
  const char* code;
  double weight;
  std::vector<Name> first;
  std::vector<Name> last;
  bool family_first;  // 王芳: family name first, no space
  const char* separator;
};

const std::vector<Locale>& locales() {
  static const std::vector<Locale> all = {
      {"en",
       62,
       {{"James", "james"},         {"Mary", "mary"},       {"Robert", "robert"},
        {"Patricia", "patricia"},   {"John", "john"},       {"Jennifer", "jennifer"},
        {"Michael", "michael"},     {"Linda", "linda"},     {"David", "david"},
        {"Elizabeth", "elizabeth"}, {"William", "william"}, {"Susan", "susan"},
        {"Richard", "richard"},     {"Jessica", "jessica"}, {"Thomas", "thomas"},
        {"Sarah", "sarah"},         {"Daniel", "daniel"},   {"Karen", "karen"},
        {"Matthew", "matthew"},     {"Emily", "emily"},     {"Oliver", "oliver"},
        {"Amelia", "amelia"},       {"Harry", "harry"},     {"Isla", "isla"},
        {"George", "george"},       {"Ava", "ava"},         {"Noah", "noah"},
        {"Sophie", "sophie"},       {"Aisha", "aisha"},     {"Rahul", "rahul"},
        {"Priya", "priya"},         {"Kwame", "kwame"},     {"Fatima", "fatima"},
        {"Liam", "liam"},           {"Grace", "grace"},     {"Ethan", "ethan"}},
       {{"Smith", "smith"},       {"Jones", "jones"},       {"Taylor", "taylor"},
        {"Brown", "brown"},       {"Williams", "williams"}, {"Wilson", "wilson"},
        {"Johnson", "johnson"},   {"Davies", "davies"},     {"Robinson", "robinson"},
        {"Wright", "wright"},     {"Thompson", "thompson"}, {"Evans", "evans"},
        {"Walker", "walker"},     {"White", "white"},       {"Roberts", "roberts"},
        {"Green", "green"},       {"Hall", "hall"},         {"Wood", "wood"},
        {"Jackson", "jackson"},   {"Clarke", "clarke"},     {"Patel", "patel"},
        {"Khan", "khan"},         {"Okafor", "okafor"},     {"O'Brien", "obrien"},
        {"McDonald", "mcdonald"}, {"Hughes", "hughes"},     {"Edwards", "edwards"},
        {"Mensah", "mensah"},     {"Singh", "singh"},       {"Murphy", "murphy"}},
       false,
       " "},
      {"latin",
       17,
       {{"José", "jose"},
        {"Zoë", "zoe"},
        {"François", "francois"},
        {"Jörg", "joerg"},
        {"Søren", "soeren"},
        {"Łukasz", "lukasz"},
        {"Anaïs", "anais"},
        {"Chloé", "chloe"},
        {"Mónica", "monica"},
        {"Jürgen", "juergen"},
        {"Ève", "eve"},
        {"Björn", "bjoern"},
        {"Małgorzata", "malgorzata"},
        {"Dvořák", "dvorak"},
        {"Ángel", "angel"},
        {"Inês", "ines"},
        {"João", "joao"},
        {"Ülle", "uelle"},
        {"Çağla", "cagla"},
        {"Renée", "renee"},
        {"Håkon", "haakon"},
        {"Tomáš", "tomas"},
        {"Agnieszka", "agnieszka"},
        {"Élodie", "elodie"}},
       {{"Müller", "mueller"},     {"Núñez", "nunez"},        {"García", "garcia"},
        {"Lefèvre", "lefevre"},    {"Schröder", "schroeder"}, {"Kowalczyk", "kowalczyk"},
        {"Sørensen", "soerensen"}, {"Novák", "novak"},        {"Gonçalves", "goncalves"},
        {"Béranger", "beranger"},  {"Wójcik", "wojcik"},      {"Özdemir", "ozdemir"},
        {"Jäger", "jaeger"},       {"Dubois", "dubois"},      {"Fernández", "fernandez"},
        {"Łęcka", "lecka"},        {"Åberg", "aberg"},        {"Horváth", "horvath"},
        {"Ferreira", "ferreira"},  {"Štěpánek", "stepanek"}},
       false,
       " "},
      {"ru",
       9,
       {{"Алексей", "aleksei"},
        {"Ольга", "olga"},
        {"Дмитрий", "dmitrii"},
        {"Наталья", "natalia"},
        {"Сергей", "sergei"},
        {"Екатерина", "ekaterina"},
        {"Иван", "ivan"},
        {"Мария", "maria"},
        {"Андрей", "andrei"},
        {"Анна", "anna"},
        {"Михаил", "mikhail"},
        {"Татьяна", "tatiana"}},
       {{"Иванов", "ivanov"},
        {"Смирнов", "smirnov"},
        {"Кузнецов", "kuznetsov"},
        {"Попов", "popov"},
        {"Соколов", "sokolov"},
        {"Лебедев", "lebedev"},
        {"Козлов", "kozlov"},
        {"Новиков", "novikov"},
        {"Морозов", "morozov"},
        {"Волков", "volkov"},
        {"Шевченко", "shevchenko"},
        {"Павлов", "pavlov"}},
       false,
       " "},
      {"zh",
       6,
       {{"伟", "wei"},
        {"芳", "fang"},
        {"娜", "na"},
        {"敏", "min"},
        {"静", "jing"},
        {"磊", "lei"},
        {"强", "qiang"},
        {"洋", "yang"},
        {"艳", "yan"},
        {"杰", "jie"},
        {"婷", "ting"},
        {"浩然", "haoran"}},
       {{"王", "wang"},
        {"李", "li"},
        {"张", "zhang"},
        {"刘", "liu"},
        {"陈", "chen"},
        {"杨", "yang"},
        {"黄", "huang"},
        {"赵", "zhao"},
        {"吴", "wu"},
        {"周", "zhou"}},
       true,
       ""},
      {"ja",
       4,
       {{"花子", "hanako"},
        {"太郎", "taro"},
        {"健", "ken"},
        {"由美", "yumi"},
        {"大輔", "daisuke"},
        {"さくら", "sakura"},
        {"翔", "sho"},
        {"美咲", "misaki"}},
       {{"佐藤", "sato"},
        {"鈴木", "suzuki"},
        {"高橋", "takahashi"},
        {"田中", "tanaka"},
        {"渡辺", "watanabe"},
        {"伊藤", "ito"},
        {"山本", "yamamoto"},
        {"中村", "nakamura"}},
       true,
       " "},
      {"ko",
       2,
       {{"민준", "minjun"}, {"서연", "seoyeon"}, {"지호", "jiho"}, {"하은", "haeun"}},
       {{"김", "kim"}, {"이", "lee"}, {"박", "park"}, {"최", "choi"}, {"정", "jung"}},
       true,
       ""},
  };
  return all;
}

struct Organisation {
  const char* name;
  const char* domain;
  const char* phone_prefix;
};

const std::vector<Organisation>& organisations() {
  static const std::vector<Organisation> all = {
      {"Northwind Traders", "northwind.example", "+44 20 7946 "},
      {"Contoso Ltd", "contoso.example", "+44 161 496 "},
      {"Fabrikam Insurance", "fabrikam.example", "+44 113 496 "},
      {"Tailspin Toys", "tailspin.example", "+44 117 496 "},
      {"Wingtip Legal LLP", "wingtip.example", "+44 20 7946 "},
      {"Litware Labs", "litware.example", "+44 1632 960 "},
      {"Adventure Works Cycles", "adventure-works.example", "+44 121 496 "},
      {"Müller & Söhne GmbH", "mueller-soehne.example", "+49 30 1234 "},
      {"Société Générale de Café", "cafe-sgc.example", "+33 1 99 00 "},
      {"Łódź Logistics Sp. z o.o.", "lodz-logistics.example", "+48 42 555 "},
      {"ООО «Ромашка»", "romashka.example", "+7 495 555 "},
      {"上海星辰贸易有限公司", "xingchen.example", "+86 21 5555 "},
      {"株式会社さくら電機", "sakura-denki.example", "+81 3 5555 "},
      {"Proseware Health NHS Trust", "proseware-nhs.example", "+44 118 496 "},
      {"Alpine Ski House", "alpineski.example", "+41 44 555 "},
      {"Blue Yonder Airlines", "blueyonder.example", "+44 29 2018 "},
      {"City Power & Light", "citypower.example", "+44 131 496 "},
      {"Coho Winery", "cohowinery.example", "+44 1632 961 "},
      {"Woodgrove Bank", "woodgrove.example", "+44 20 7946 "},
      {"Lucerne Publishing", "lucerne.example", "+44 1632 962 "},
  };
  return all;
}

std::string digits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.below(10));
  return s;
}

template <typename... Args>
std::string fill(Rng& rng, const std::vector<const char*>& templates, Args&&... args) {
  return fmt::format(fmt::runtime(rng.pick(templates)), std::forward<Args>(args)...);
}

const std::vector<const char*> kApps = {"Outlook", "Teams",           "SAP",      "Excel",
                                        "the CRM", "Salesforce",      "Zoom",     "SharePoint",
                                        "Chrome",  "the payroll app", "OneDrive", "Jira"};
const std::vector<const char*> kPlaces = {
    "the 3rd floor",     "reception",     "the Leeds office",
    "meeting room 4B",   "the warehouse", "the finance area",
    "the London office", "home",          "the trading floor"};
const std::vector<const char*> kDevices = {"laptop",  "docking station", "monitor",  "headset",
                                           "printer", "desk phone",      "keyboard", "webcam",
                                           "tablet",  "mobile"};

std::vector<const char*> titles(const std::string& category) {
  if (category == "hardware")
    return {"My {2} will not turn on",
            "{2} flickers and goes black",
            "Printer in {1} keeps jamming",
            "New {2} needed for a new starter",
            "Broken {2} screen",
            "{2} very slow since this morning",
            "Docking station not detecting second monitor",
            "Battery does not charge past 60%",
            "Projector in {1} shows no signal",
            "Replacement {2} for damaged one"};
  if (category == "software")
    return {"{0} crashes on start",
            "Cannot open attachments in {0}",
            "{0} asks for password every few minutes",
            "Install request: {0} plug-in",
            "{0} very slow after last update",
            "Error 0x80070005 when saving in {0}",
            "Macros disabled in {0}",
            "{0} sync stuck at 0%",
            "Licence expired for {0}",
            "Update to {0} failed overnight"};
  if (category == "network")
    return {"VPN drops every few minutes",
            "No Wi-Fi in {1}",
            "Cannot reach the shared drive from {1}",
            "Very slow internet in {1}",
            "Network port dead in {1}",
            "DNS errors for intranet sites",
            "Video calls break up from {1}",
            "Firewall blocks {0}",
            "Guest Wi-Fi password not working",
            "Remote desktop times out"};
  if (category == "access")
    return {"Access to the finance share", "Need admin rights for {0}",
            "Badge does not open {1}",     "Please add me to the {0} group",
            "MFA prompt never arrives",    "Access for a contractor starting Monday",
            "Remove access for a leaver",  "Read-only access to {0} reports"};
  if (category == "account")
    return {
        "Locked out of my account",    "Password reset needed", "Name change after marriage",
        "New starter account",         "Mailbox full",          "Shared mailbox for the {1} team",
        "Account disabled by mistake", "Cannot sign in to {0}"};
  return {"Question about the expenses process",
          "How do I book a meeting room?",
          "Request for a second monitor",
          "Complaint about response time",
          "Where do I find the holiday calendar?",
          "Old equipment collection from {1}",
          "Printer toner order",
          "Feedback on the new intranet"};
}

// A few titles in the caller's own language.
std::vector<const char*> local_titles(const std::string& locale) {
  if (locale == "ru")
    return {"Не работает принтер",       "Нет доступа к общей папке", "Ошибка при входе в систему",
            "Медленно работает ноутбук", "Не приходит почта",         "Сломалась мышь"};
  if (locale == "zh")
    return {"无法连接公司Wi-Fi", "打印机卡纸",   "电脑无法开机",
            "邮箱无法同步",      "需要安装软件", "密码重置"};
  if (locale == "ja")
    return {"会議室のプロジェクターが映らない", "パスワードを忘れました", "プリンターが動かない",
            "メールが送信できない", "VPNに接続できない"};
  if (locale == "ko")
    return {"프린터가 작동하지 않습니다", "비밀번호 재설정 요청", "노트북이 느립니다"};
  return {"L'imprimante ne répond plus",     "Problème d'accès à la messagerie",
          "Écran noir après la mise à jour", "Drucker druckt nicht",
          "Kein Zugriff auf das Laufwerk",   "Contraseña caducada",
          "No puedo abrir el correo",        "Zoë's laptop won't boot — urgent",
          "Café machine Wi-Fi ☕ down"};
}

}  // namespace

Person make_person(Rng& rng, std::unordered_set<std::string>& emails) {
  std::vector<double> weights;
  for (const auto& l : locales()) weights.push_back(l.weight);
  const Locale& loc = locales()[rng.weighted(weights)];
  const Name& first = rng.pick(loc.first);
  const Name& last = rng.pick(loc.last);
  Person p;
  p.locale = loc.code;
  p.name = loc.family_first ? std::string(last.shown) + loc.separator + first.shown
                            : std::string(first.shown) + loc.separator + last.shown;
  const Organisation& org = rng.pick(organisations());
  bool personal = rng.chance(0.12);
  p.organisation = personal ? "" : org.name;
  std::string domain = personal ? (rng.chance(0.5) ? "mail.example" : "post.example") : org.domain;
  std::string local = fmt::format("{}.{}", first.ascii, last.ascii);
  std::string email = local + "@" + domain;
  for (int n = 2; emails.count(email); ++n) email = fmt::format("{}{}@{}", local, n, domain);
  emails.insert(email);
  p.email = email;
  p.phone = rng.chance(0.8) ? std::string(org.phone_prefix) + digits(rng, 4) : "";
  // A few callers are known only by name (walk-ins), a few only by address.
  double who = rng.uniform();
  if (who < 0.02) {
    emails.erase(p.email);
    p.email.clear();
  } else if (who < 0.035) {
    p.name.clear();
  }
  return p;
}

std::string title_for(Rng& rng, const std::string& category, const std::string& locale) {
  if (locale != "en" && rng.chance(locale == "latin" ? 0.15 : 0.35))
    return rng.pick(local_titles(locale));
  return fill(rng, titles(category), rng.pick(kApps), rng.pick(kPlaces), rng.pick(kDevices));
}

std::string description_for(Rng& rng, const std::string& category, const std::string& channel) {
  static const std::vector<const char*> opening = {
      "Started this morning after the overnight update.",
      "Has been happening on and off since last week.",
      "Customer says it worked fine yesterday.",
      "Happens every time, on two different machines.",
      "Only happens when working from home.",
      "Reported by the team lead on behalf of the whole team.",
      "Customer is travelling and needs this before Friday.",
      "Second time this month."};
  static const std::vector<const char*> tried = {"Restarting did not help.",
                                                 "Cleared the cache; no change.",
                                                 "Tried another cable and port.",
                                                 "Logged off and on again; same result.",
                                                 "Checked the service status page: all green.",
                                                 "Nothing tried yet.",
                                                 "A colleague sees the same thing."};
  static const std::vector<const char*> impact = {
      "Cannot work until this is fixed.", "Can work around it for now.",
      "Affects the month-end close.",     "Affects customers calling in.",
      "Not urgent, but annoying.",        "About 20 people affected."};
  std::string text = fmt::format("{} {} {}", rng.pick(opening), rng.pick(tried), rng.pick(impact));
  if (channel == "email" || channel == "portal")
    text += "\n\nSent from the " + channel + (channel == "email" ? " gateway." : " form.");
  if (category == "software" && rng.chance(0.3))
    text += fmt::format("\n\nError code: 0x{:08X}", static_cast<unsigned>(rng.next() >> 32));
  return text;
}

std::vector<std::string> tags_for(Rng& rng, const std::string& category) {
  static const std::vector<std::string> hardware = {"laptop", "printer", "monitor", "dock"};
  static const std::vector<std::string> software = {"outlook", "teams", "sap", "office"};
  static const std::vector<std::string> network = {"vpn", "wifi", "dns", "remote"};
  static const std::vector<std::string> access = {"mfa", "onboarding", "offboarding", "badge"};
  static const std::vector<std::string> other = {"facilities", "feedback", "howto"};
  std::vector<std::string> tags;
  if (!rng.chance(0.3)) return tags;
  const auto& pool = category == "hardware"                            ? hardware
                     : category == "software"                          ? software
                     : category == "network"                           ? network
                     : (category == "access" || category == "account") ? access
                                                                       : other;
  tags.push_back(rng.pick(pool));
  if (rng.chance(0.15)) tags.push_back("vip");
  if (rng.chance(0.05)) tags.push_back("security");
  return tags;
}

std::string reply_text(Rng& rng, bool first) {
  static const std::vector<const char*> firsts = {
      "Thanks for reporting this. We are looking into it now.",
      "Thanks, we have your call. Could you send a screenshot of the error?",
      "Hello, I have picked this up and will call you shortly.",
      "Thank you. Could you confirm the asset tag on the device?",
      "We are aware of this and working on it; next update within the hour.",
      "Hi, could you tell me when this last worked?"};
  static const std::vector<const char*> later = {
      "Update: the fix is being tested, we will let you know.",
      "Could you try again now and tell us if it works?",
      "We have ordered the part; it should arrive in two days.",
      "Just checking in: is this still a problem?", "Thanks for the details, that helps."};
  return rng.pick(first ? firsts : later);
}

std::string note_text(Rng& rng) {
  static const std::vector<const char*> notes = {
      "Checked the logs: repeated authentication failures from 10.2.4.17.",
      "Remote session: reproduced the problem.",
      "Looks like the same cause as last week's incident.",
      "Reinstalled the driver; waiting to see if it holds.",
      "Spoke to the customer's manager; priority confirmed.",
      "KB article 'VPN reconnect loop' applies here.",
      "Swapped the cable; problem persists.",
      "Customer unavailable until 2pm.",
      "Test account works fine, so it is specific to this profile."};
  return rng.pick(notes);
}

std::string pending_text(Rng& rng, desk::model::PendingReason reason) {
  switch (reason) {
    case desk::model::PendingReason::customer:
      return rng.chance(0.5) ? "Waiting for the customer to try the fix."
                             : "Asked for a screenshot; waiting.";
    case desk::model::PendingReason::supplier:
      return "Waiting on the supplier's engineer.";
    case desk::model::PendingReason::change:
      break;
  }
  return rng.chance(0.5) ? "Needs the change approved at Thursday's CAB."
                         : "Scheduled for the weekend maintenance window.";
}

std::string resume_text(Rng& rng, desk::model::PendingReason reason) {
  switch (reason) {
    case desk::model::PendingReason::customer:
      return rng.chance(0.5) ? "Customer replied." : "Customer sent the logs.";
    case desk::model::PendingReason::supplier:
      return "Supplier came back with a fix.";
    case desk::model::PendingReason::change:
      break;
  }
  return "Change approved.";
}

std::string escalation_text(Rng& rng, const std::string& how) {
  if (how == "manager")
    return rng.chance(0.5) ? "VIP customer unhappy with progress."
                           : "Breach risk on a P1; manager needs to know.";
  if (how == "supplier") return "Fault is on the supplier's side; raised with them.";
  static const std::vector<const char*> up = {
      "Needs server access first line does not have.", "Beyond first-line fix; needs a specialist.",
      "Suspected network fault, not the device.", "Affects several users: needs second line.",
      "Needs a change to the firewall rules."};
  return rng.pick(up);
}

std::string resolution_text(Rng& rng, const std::string& code, const std::string& category) {
  if (code == "workaround") return "Set up a temporary workaround; root cause still open.";
  if (code == "information-given")
    return rng.chance(0.5) ? "Explained how to do it; sent the KB link."
                           : "Answered the question by phone.";
  if (code == "no-fault-found") return "Could not reproduce; works as expected now.";
  if (code == "duplicate") return "Same problem as an earlier ticket; tracked there.";
  if (code == "cancelled") return "Customer withdrew the request.";
  if (category == "hardware")
    return rng.chance(0.5) ? "Replaced the faulty unit."
                           : "Reseated the cable and updated the firmware.";
  if (category == "software")
    return rng.chance(0.5) ? "Repaired the installation and cleared the profile cache."
                           : "Applied the vendor patch.";
  if (category == "network")
    return rng.chance(0.5) ? "Reset the port and renewed the lease." : "Updated the VPN profile.";
  if (category == "access" || category == "account")
    return rng.chance(0.5) ? "Access granted as requested." : "Password reset; account unlocked.";
  return "Done as requested.";
}

std::string workaround_text(Rng& rng, const std::string& category) {
  if (category == "network") return "Use the web VPN portal until the client is fixed.";
  if (category == "hardware") return "Loan laptop issued from the spares cupboard.";
  return rng.chance(0.5) ? "Use the web version in the meantime."
                         : "Run it as administrator until the patch lands.";
}

std::string reopen_text(Rng& rng) {
  static const std::vector<const char*> reasons = {
      "Customer says the problem came back.", "The fix did not hold after a restart.",
      "Customer replied: still not working.", "Resolved by mistake; work not finished."};
  return rng.pick(reasons);
}

std::string edit_reason(Rng& rng) {
  static const std::vector<const char*> reasons = {
      "More people affected than first reported.", "Customer says it blocks payroll.",
      "Workaround found, less urgent now.", "Board meeting tomorrow depends on it."};
  return rng.pick(reasons);
}

// A complaint is resolved with its outcome, root cause and action (desk
// resolve --outcome --root-cause --action): about half are upheld in part.
Complaint complaint_resolution(Rng& rng) {
  static const std::vector<const char*> outcomes = {"upheld", "partly-upheld", "not-upheld"};
  static const std::vector<const char*> causes = {
      "Ticket sat in the queue over a bank holiday without an owner.",
      "Technician promised a call back that never happened.",
      "Replacement device was sent to the wrong office.",
      "The customer was not told the change had been postponed.",
      "Service worked as designed; the customer expected more.",
      "Supplier missed the agreed visit."};
  static const std::vector<const char*> actions = {
      "Apologised; queue now watched over holidays.",
      "Call-back reminders added to the team's checklist.",
      "Courier addresses checked against the directory before dispatch.",
      "Explained the service's scope; no change needed.",
      "Raised with the supplier's account manager."};
  Complaint c;
  c.outcome = outcomes[rng.weighted({30, 25, 45})];
  c.root_cause = rng.pick(causes);
  c.action = rng.pick(actions);
  return c;
}

// What the customer scores a resolution, 1 to 5 (mostly 4s and 5s, as
// service desks see), and now and then a comment.
Rating rating(Rng& rng, bool reopened) {
  static const std::vector<const char*> happy = {"Quick and friendly, thanks!", "Fixed first time.",
                                                 "Great help on the phone."};
  static const std::vector<const char*> unhappy = {"Took far too long.", "Had to chase twice.",
                                                   "Still not sure it is fixed."};
  Rating r;
  r.score = 1 + static_cast<int>(reopened ? rng.weighted({20, 25, 25, 20, 10})
                                          : rng.weighted({3, 5, 12, 35, 45}));
  if (rng.chance(0.3)) r.comment = rng.pick(r.score >= 4 ? happy : unhappy);
  return r;
}

std::string supplier_ref(Rng& rng, const std::string& supplier) {
  if (supplier == "acme-networks") return "ACME-" + digits(rng, 6);
  return "PP/" + digits(rng, 5);
}

}  // namespace bench
