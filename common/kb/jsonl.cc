#include "common/kb/jsonl.h"

#include <fstream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/strings/match.h"
#include "google/protobuf/util/json_util.h"

namespace claims::kb {

absl::Status ReadJsonLines(
    const std::string& path, const google::protobuf::Message& prototype,
    const std::function<absl::Status(const google::protobuf::Message&, int)>&
        on_line) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::string line;
  int number = 0;
  std::unique_ptr<google::protobuf::Message> msg(prototype.New());
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  while (std::getline(in, line)) {
    ++number;
    absl::string_view view = absl::StripAsciiWhitespace(line);
    if (view.empty() || absl::StartsWith(view, "#") ||
        absl::StartsWith(view, "//")) {
      continue;
    }
    msg->Clear();
    auto status = google::protobuf::util::JsonStringToMessage(
        std::string(view), msg.get(), options);
    if (!status.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": ", status.ToString()));
    }
    absl::Status s = on_line(*msg, number);
    if (!s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": ", s.message()));
    }
  }
  return absl::OkStatus();
}

}  // namespace claims::kb
