// The reports' HTML as a manager sees it (issue 13 item 4): a heading people
// read, legends inside their charts, whole-number ticks on counts, totals
// out of the bars, and the digest's charts. One check looks at the page as
// a browser draws it: headless Chromium (in `.ci/deps test`) takes a
// screenshot, and the legend's last swatch must be on it.
#include <cctype>
#include <filesystem>
#include <regex>

#include <doctest/doctest.h>

#include "harness.hpp"
#include "report_checks.hpp"

using namespace e2e;

namespace {

// Mon 2 - Sun 8 March 2026 in New York; no ticket is pending, so the
// backlog chart's fourth colour ("pending", #D55E00) is only its legend's.
void march(Sandbox& s) {
  s.configure("[desk]\ntimezone = \"America/New_York\"\n");
  s.now = "2026-03-09T12:00:00Z";
  for (const char* at : {"2026-03-02 10:00", "2026-03-03 10:00", "2026-03-04 10:00"})
    s.log("VPN drops", {"--channel", "phone", "--at", at});
  s.log("Printer jam", {"--channel", "email", "--at", "2026-03-05 10:00"});
}

const std::vector<std::string> kWeek = {"--since",    "2026-03-02", "--until",
                                        "2026-03-09", "--format",   "html"};

std::string html_of(Sandbox& s, const std::string& report) {
  std::vector<std::string> args = {"report", report};
  args.insert(args.end(), kWeek.begin(), kWeek.end());
  return s.ok(args).out;
}

// Every SVG of `html`: its width, and each text's x, size and content.
struct Text {
  double x;
  int size;
  std::string content, anchor;
};
struct Svg {
  double width;
  std::vector<Text> texts;
};

std::vector<Svg> svgs_of(const std::string& html) {
  std::vector<Svg> out;
  std::regex svg_re(R"re(<svg [^>]*width="([0-9.]+)"[^>]*>([\s\S]*?)</svg>)re");
  std::regex text_re(
      R"re(<text x="([0-9.]+)" y="[0-9.]+" font-size="([0-9]+)"(?: text-anchor="([a-z]+)")?>([^<]*)</text>)re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), svg_re);
       it != std::sregex_iterator(); ++it) {
    Svg svg{std::stod((*it)[1]), {}};
    std::string body = (*it)[2];
    for (auto t = std::sregex_iterator(body.begin(), body.end(), text_re);
         t != std::sregex_iterator(); ++t)
      svg.texts.push_back({std::stod((*t)[1]), std::stoi((*t)[2]), (*t)[4], (*t)[3]});
    out.push_back(std::move(svg));
  }
  return out;
}

}  // namespace

TEST_CASE("report charts: a heading people read, not the period's machine text") {
  Sandbox s;
  march(s);
  for (const char* report : {"sla", "volume", "backlog", "performance", "digest"}) {
    CAPTURE(report);
    std::string html = html_of(s, report);
    CHECK(html.find("<p class=\"meta\">2 – 8 March 2026, New York time</p>") != std::string::npos);
    CHECK(html.find("period custom") == std::string::npos);
  }
  std::string month = s.ok({"report", "volume", "--period", "2026-02", "--format", "html"}).out;
  CHECK(month.find("<p class=\"meta\">1 – 28 February 2026, New York time</p>") !=
        std::string::npos);
}

TEST_CASE("report charts: legends fit, count ticks are whole, the total is no bar") {
  Sandbox s;
  march(s);
  for (const char* report : {"sla", "volume", "backlog", "performance", "digest"}) {
    CAPTURE(report);
    auto svgs = svgs_of(html_of(s, report));
    REQUIRE(!svgs.empty());
    for (const auto& svg : svgs)
      for (const auto& t : svg.texts) {
        CAPTURE(t.content);
        // A legend entry (font-size 12, left-aligned) ends inside the chart,
        // at a generous 7 px a character.
        if (t.size == 12 && t.anchor.empty())
          CHECK(t.x + 7.0 * static_cast<double>(t.content.size()) <= svg.width);
        // An axis label of a count is a whole number.
        if (t.anchor == "end" && !t.content.empty() && std::isdigit(t.content[0]) &&
            t.content.back() != '%')
          CHECK(t.content.find('.') == std::string::npos);
      }
  }
  // Volume by channel: phone and email, not "all" beside them.
  std::string volume = html_of(s, "volume");
  auto svgs = svgs_of(volume);
  REQUIRE(svgs.size() >= 2);
  bool phone = false, all = false;
  for (const auto& t : svgs[1].texts) {
    phone = phone || t.content == "phone";
    all = all || t.content == "all";
  }
  CHECK(phone);
  CHECK_FALSE(all);
}

TEST_CASE("report charts: the digest charts volume, service levels and the backlog") {
  Sandbox s;
  march(s);
  std::string html = html_of(s, "digest");
  CHECK(svgs_of(html).size() >= 3);
  Json j = s.ok({"report", "digest", "--since", "2026-03-02", "--until", "2026-03-09", "--format",
                 "json"})
               .json();
  CHECK(j["service_levels"][0]["group"] == "all");
  CHECK(j["service_levels"][0]["tickets"] == 4);
  CHECK(j["backlog_ages"].size() == 5);  // the five ages
}

TEST_CASE("report charts: in a browser the backlog legend's last entry is drawn") {
  Sandbox s;
  march(s);
  s.write("backlog.html", html_of(s, "backlog"));
  Result shot = run_program(
      {"chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
       "--disable-component-update", "--no-first-run", "--hide-scrollbars",
       "--force-device-scale-factor=1", "--user-data-dir=" + s.path("chromium").string(),
       "--screenshot=" + s.path("backlog.png").string(), "--window-size=1000,700",
       "file://" + s.path("backlog.html").string()},
      "", s.dir(), {});
  REQUIRE_MESSAGE(std::filesystem::exists(s.path("backlog.png")), "chromium: " << shot.err);
  // Pixels of the "pending" colour, #D55E00 (give or take colour management).
  const char* count =
      "import sys, zlib, struct\n"
      "d = open(sys.argv[1], 'rb').read(); p = 8; idat = b''\n"
      "while p < len(d):\n"
      "    n, = struct.unpack('>I', d[p:p+4]); t = d[p+4:p+8]; b = d[p+8:p+8+n]; p += 12 + n\n"
      "    if t == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', b[:10])\n"
      "    elif t == b'IDAT': idat += b\n"
      "raw = zlib.decompress(idat); bpp = {2: 3, 6: 4}[ctype]; stride = w * bpp\n"
      "prev = bytearray(stride); i = 0; found = 0\n"
      "for y in range(h):\n"
      "    f = raw[i]; line = bytearray(raw[i+1:i+1+stride]); i += 1 + stride\n"
      "    for x in range(stride):\n"
      "        a = line[x-bpp] if x >= bpp else 0; up = prev[x]; c = prev[x-bpp] if x >= bpp else "
      "0\n"
      "        if f == 1: line[x] = (line[x] + a) & 255\n"
      "        elif f == 2: line[x] = (line[x] + up) & 255\n"
      "        elif f == 3: line[x] = (line[x] + (a + up) // 2) & 255\n"
      "        elif f == 4:\n"
      "            q = a + up - c; pa = abs(q - a); pb = abs(q - up); pc = abs(q - c)\n"
      "            line[x] = (line[x] + (a if pa <= pb and pa <= pc else up if pb <= pc else c)) & "
      "255\n"
      "    for x in range(0, stride, bpp):\n"
      "        if abs(line[x] - 0xD5) < 8 and abs(line[x+1] - 0x5E) < 8 and line[x+2] < 8: found "
      "+= 1\n"
      "    prev = line\n"
      "print(found)\n";
  Result pixels = run_program({"/usr/bin/python3", "-c", count, s.path("backlog.png").string()}, "",
                              s.dir(), {});
  REQUIRE(pixels.status == 0);
  CHECK(std::stoi(pixels.out) >= 100);  // the 12 x 12 swatch, all of it
}
