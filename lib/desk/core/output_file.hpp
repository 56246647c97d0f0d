// Files desk writes where a user said: --output FILE, desk backup FILE, the
// files of desk kb export, the copy desk restore keeps. One writer for all of
// them, so that none can replace something that is not a regular file (as
// root, a report written over /dev/full once turned it into a file).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace desk {

// How an OutputFile reaches its target, decided from what the path names
// when it is opened (desk(1) FILES WRITTEN):
// - nothing yet, or a regular file: `replace`. The content goes to a
//   temporary file beside it (".NAME.desk-tmp-XXXXXX"), which commit()
//   syncs and renames over the path: the path holds the old file or the
//   whole new one. The new file keeps the old one's mode (and owner, when
//   desk may set it); a new file gets 0666 less the umask.
// - a symbolic link: followed, and its target decides; a regular target is
//   replaced as above, and the link stays a link.
// - a character device, FIFO or socket (/dev/null, a pipe, a terminal), or
//   a file in /proc (/dev/stdout names one): `stream`. Written straight and
//   appended to, never replaced; a write error (ENOSPC on /dev/full) is an
//   Error(Exit::io).
// - a directory: UsageError naming it. A block device: UsageError.
enum class OutputMode { replace, stream };

class OutputFile {
 public:
  // Decides how to write `path` and opens what it writes to. Before it makes
  // its temporary file, removes desk's own stale ones from that directory
  // (remove_stale_temporaries). Throws UsageError or Error(Exit::io).
  explicit OutputFile(const std::filesystem::path& path);
  // Without commit(): the target is as it was; the temporary file is removed.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  OutputMode mode() const { return mode_; }
  // The path as the user gave it, for messages.
  const std::filesystem::path& path() const { return path_; }

  // Appends bytes: to the temporary file, or straight to a stream.
  void write(std::string_view bytes);

  // A temporary file (empty, or holding what write() wrote) for a writer
  // that needs a file name of its own, such as SQLite. For a stream it is
  // made in the temporary directory, and commit() copies it to the stream.
  const std::string& scratch();

  // Makes the output final: syncs and renames the temporary file over the
  // target, or copies the scratch file to the stream and closes it.
  void commit();

 private:
  void open_scratch(const std::filesystem::path& dir);

  std::filesystem::path path_;    // as given
  std::filesystem::path target_;  // symbolic links resolved
  OutputMode mode_ = OutputMode::replace;
  int fd_ = -1;  // the temporary file (replace) or the stream
  std::string temp_;
  int scratch_fd_ = -1;  // a stream's scratch file, when asked for
  std::string scratch_;
  bool committed_ = false;
};

// Writes `content` to `path` through an OutputFile.
void write_file(const std::filesystem::path& path, std::string_view content);

// Removes, from `dir`, the temporary files an OutputFile made there whose
// process is gone: named ".NAME.desk-tmp-XXXXXX" (and SQLite's -journal,
// -wal and -shm beside them), owned by this user, not locked by a live
// OutputFile, and last changed more than a minute ago. A killed desk
// backup or restore leaves such files; nothing else is touched. Returns
// how many files it removed.
int remove_stale_temporaries(const std::filesystem::path& dir);

}  // namespace desk
