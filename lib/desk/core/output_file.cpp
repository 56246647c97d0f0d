#include "desk/core/output_file.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/util/strings.hpp"

namespace desk {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTempTag = ".desk-tmp-";
constexpr std::size_t kRandomChars = 6;  // mkstemp's XXXXXX
// SQLite's files beside a database it writes (the scratch file of a backup).
constexpr const char* kSidecars[] = {"-journal", "-wal", "-shm"};
// A temporary file younger than this is never taken for stale: it may be
// one whose maker has not locked it yet.
constexpr auto kSafeAge = std::chrono::minutes(1);

[[noreturn]] void cannot_write(const fs::path& path, int err) {
  throw Error(Exit::io,
              fmt::format("cannot write {}: {}", util::quoted(path.string()), std::strerror(err)));
}

bool in_proc(const fs::path& p) {
  auto s = p.native();
  return s == "/proc" || s.rfind("/proc/", 0) == 0;
}

struct Resolved {
  fs::path path;  // the last link followed; its directory has no links left
  bool proc = false;
};

// Follows `given` through symbolic links (at most 40, as the kernel does)
// to what would be written.
Resolved resolve(const fs::path& given) {
  fs::path p = fs::absolute(given);
  for (int hop = 0; hop < 40; ++hop) {
    std::error_code ec;
    fs::path dir = fs::canonical(p.parent_path(), ec);
    if (ec) cannot_write(given, ec.value());
    p = dir / p.filename();
    if (in_proc(p)) return {p, true};
    struct stat st {};
    if (lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return {p, false};
    fs::path link = fs::read_symlink(p, ec);
    if (ec) cannot_write(given, ec.value());
    p = link.is_absolute() ? link : dir / link;
  }
  cannot_write(given, ELOOP);
}

mode_t new_file_mode() {
  mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

void write_all(int fd, std::string_view bytes, const fs::path& shown) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) cannot_write(shown, n < 0 ? errno : EIO);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void remove_with_sidecars(const std::string& path) {
  if (path.empty()) return;
  ::unlink(path.c_str());
  for (const char* s : kSidecars) ::unlink((path + s).c_str());
}

// remove_stale_temporaries, once per directory and process: desk kb export
// writes a file per article into the same directory.
void clean_once(const fs::path& dir) {
  static std::set<std::string> cleaned;
  if (cleaned.insert(dir.string()).second) remove_stale_temporaries(dir);
}

// ".NAME.desk-tmp-XXXXXX" followed by nothing or a sidecar suffix: the
// length of the temporary file's own name, or 0 for any other name.
std::size_t temp_name_length(const std::string& name) {
  if (name.empty() || name.front() != '.') return 0;
  auto at = name.rfind(kTempTag);
  if (at == std::string::npos || at < 2) return 0;
  std::size_t end = at + kTempTag.size() + kRandomChars;
  if (end > name.size()) return 0;
  std::string_view rest = std::string_view(name).substr(end);
  if (rest.empty()) return end;
  for (const char* s : kSidecars)
    if (rest == s) return end;
  return 0;
}

}  // namespace

OutputFile::OutputFile(const fs::path& path) : path_(path) {
  std::string shown = path.string();
  if (shown.empty()) throw UsageError("no file name given", "give a file name, or '-' for stdout");
  Resolved r = resolve(path);
  target_ = r.path;
  struct stat st {};
  bool exists = ::stat(target_.c_str(), &st) == 0;
  if (!shown.empty() && shown.back() == '/' && !(exists && S_ISDIR(st.st_mode)))
    throw UsageError(fmt::format("{} ends in '/' but is not a directory", util::quoted(shown)),
                     "give the name of a file to write");
  if (exists && S_ISDIR(st.st_mode))
    throw UsageError(fmt::format("{} is a directory", util::quoted(shown)),
                     "give the name of a file in it, such as " +
                         util::quoted((fs::path(path) / "desk-output").string()));
  if (exists && S_ISBLK(st.st_mode))
    throw UsageError(fmt::format("{} is a block device", util::quoted(shown)),
                     "desk writes to files, pipes and terminals only");
  if (r.proc || (exists && !S_ISREG(st.st_mode))) {
    // A device, a pipe or a socket: what is there stays; desk writes into it.
    mode_ = OutputMode::stream;
    fd_ = ::open(target_.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);
    if (fd_ < 0) cannot_write(path, errno);
    return;
  }
  mode_ = OutputMode::replace;
  fs::path dir = target_.parent_path();
  clean_once(dir);
  temp_ = (dir / ("." + target_.filename().string() + std::string(kTempTag) + "XXXXXX")).string();
  fd_ = mkostemp(temp_.data(), O_CLOEXEC);
  if (fd_ < 0) {
    int err = errno;
    temp_.clear();
    cannot_write(path, err);
  }
  // Held until the file is renamed or removed: remove_stale_temporaries
  // leaves a locked file alone.
  flock(fd_, LOCK_EX | LOCK_NB);
}

OutputFile::~OutputFile() {
  if (!committed_) remove_with_sidecars(temp_);
  remove_with_sidecars(scratch_);
  if (scratch_fd_ >= 0) ::close(scratch_fd_);
  if (fd_ >= 0) ::close(fd_);
}

void OutputFile::write(std::string_view bytes) {
  write_all(fd_, bytes, path_);
}

void OutputFile::open_scratch(const fs::path& dir) {
  clean_once(dir);
  scratch_ =
      (dir / ("." + target_.filename().string() + std::string(kTempTag) + "XXXXXX")).string();
  scratch_fd_ = mkostemp(scratch_.data(), O_CLOEXEC);
  if (scratch_fd_ < 0) {
    int err = errno;
    std::string where = scratch_;
    scratch_.clear();
    cannot_write(where, err);
  }
  flock(scratch_fd_, LOCK_EX | LOCK_NB);
}

const std::string& OutputFile::scratch() {
  if (mode_ == OutputMode::replace) return temp_;
  if (scratch_.empty()) open_scratch(fs::temp_directory_path());
  return scratch_;
}

void OutputFile::commit() {
  if (mode_ == OutputMode::stream) {
    if (scratch_fd_ >= 0) {
      char buf[1 << 16];
      ::lseek(scratch_fd_, 0, SEEK_SET);
      while (true) {
        ssize_t n = ::read(scratch_fd_, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) cannot_write(path_, errno);
        if (n == 0) break;
        write_all(fd_, std::string_view(buf, static_cast<std::size_t>(n)), path_);
      }
    }
    int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0) cannot_write(path_, errno);
    committed_ = true;
    return;
  }
  // Only a regular file (or nothing) may be replaced: look again, in case
  // something else took its place meanwhile.
  struct stat st {};
  bool exists = ::lstat(target_.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode))
    throw Error(Exit::io, fmt::format("{} is no longer a regular file; it was left as it is",
                                      util::quoted(path_.string())));
  bool ok = fchmod(fd_, exists ? (st.st_mode & 07777) : new_file_mode()) == 0;
  // Keep the owner of a file desk replaces, when it may (root writing a
  // user's report).
  if (ok && exists && (st.st_uid != geteuid() || st.st_gid != getegid()))
    (void)fchown(fd_, st.st_uid, st.st_gid);
  ok = ok && fsync(fd_) == 0;
  if (!ok || std::rename(temp_.c_str(), target_.c_str()) != 0) cannot_write(path_, errno);
  committed_ = true;
  int dir = ::open(target_.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    fsync(dir);
    ::close(dir);
  }
  for (const char* s : kSidecars) ::unlink((temp_ + s).c_str());
}

void write_file(const fs::path& path, std::string_view content) {
  OutputFile out(path);
  out.write(content);
  out.commit();
}

int remove_stale_temporaries(const fs::path& dir) {
  std::vector<std::string> mains, sidecars;
  std::error_code ec;
  for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::size_t length = temp_name_length(name);
    if (length == 0) continue;
    (length == name.size() ? mains : sidecars).push_back(name);
  }
  auto now = std::chrono::system_clock::now();
  auto stale = [&](const fs::path& p) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid())
      return false;
    auto changed = std::chrono::system_clock::from_time_t(st.st_mtime);
    return now - changed > kSafeAge;
  };
  int removed = 0;
  for (const auto& name : mains) {
    fs::path p = dir / name;
    if (!stale(p)) continue;
    int fd = ::open(p.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) continue;
    // A live OutputFile holds the lock: then the file is not stale.
    if (flock(fd, LOCK_EX | LOCK_NB) == 0 && ::unlink(p.c_str()) == 0) ++removed;
    ::close(fd);
  }
  for (const auto& name : sidecars) {
    fs::path p = dir / name;
    fs::path main = dir / name.substr(0, temp_name_length(name));
    if (fs::exists(main, ec) || !stale(p)) continue;
    if (::unlink(p.c_str()) == 0) ++removed;
  }
  return removed;
}

}  // namespace desk
