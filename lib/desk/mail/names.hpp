// Attachment names are unique where they are listed (a message, a
// ticket), so that `desk attachment get ID NAME` names one file: a name
// already taken becomes "name (2).ext", then "name (3).ext"...
#pragma once

#include <map>
#include <set>
#include <string>

namespace desk::mail {

class UniqueNames {
 public:
  // A name that is taken already (an earlier message's attachment).
  void reserve(const std::string& name) { taken_.insert(name); }
  // `name`, or the first numbered form of it not taken; now taken.
  std::string claim(const std::string& name);

 private:
  std::set<std::string> taken_;
  // The last number given to each repeated name: a message of a thousand
  // "image.png" parts stays linear.
  std::map<std::string, int> repeats_;
};

}  // namespace desk::mail
