#include "common/kb/taxonomy.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/kb/jsonl.h"
#include "common/kb/kb_entry.pb.h"
#include "common/util/status_macros.h"

namespace claims {
namespace {

bool ValidTopicId(std::string_view id) {
  if (id.empty() || id.front() == '/' || id.back() == '/') return false;
  for (char c : id) {
    if (!(absl::ascii_islower(static_cast<unsigned char>(c)) ||
          absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '-' ||
          c == '/')) {
      return false;
    }
  }
  return id.find("//") == std::string_view::npos;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Taxonomy>> Taxonomy::LoadFromFile(
    const std::string& path) {
  auto taxonomy = std::make_unique<Taxonomy>();
  absl::flat_hash_set<std::string> seen;
  kb::TopicEntry prototype;
  RETURN_IF_ERROR(kb::ReadJsonLines(
      path, prototype,
      [&](const google::protobuf::Message& m, int) -> absl::Status {
        const auto& e = static_cast<const kb::TopicEntry&>(m);
        if (!ValidTopicId(e.id())) {
          return absl::InvalidArgumentError(absl::StrCat(
              "bad topic id \"", e.id(),
              "\" (lower-case words separated by '/')"));
        }
        if (!seen.insert(e.id()).second) {
          return absl::InvalidArgumentError(
              absl::StrCat("duplicate topic id \"", e.id(), "\""));
        }
        claims::v1::Topic topic;
        topic.set_id(e.id());
        topic.set_label(e.label().empty() ? e.id() : e.label());
        topic.set_iptc_code(e.iptc_code());
        size_t slash = e.id().rfind('/');
        if (slash != std::string::npos) {
          std::string parent = e.id().substr(0, slash);
          if (!seen.contains(parent)) {
            return absl::InvalidArgumentError(absl::StrCat(
                "topic \"", e.id(), "\" before its parent \"", parent, "\""));
          }
          topic.set_parent(parent);
        }
        taxonomy->topics_.push_back(std::move(topic));
        Rule rule;
        rule.topic = e.id();
        for (const auto& k : e.keywords()) {
          std::string kw = absl::AsciiStrToLower(absl::StripAsciiWhitespace(k));
          if (!kw.empty()) rule.keywords.push_back(std::move(kw));
        }
        if (!rule.keywords.empty()) taxonomy->rules_.push_back(std::move(rule));
        return absl::OkStatus();
      }));
  if (taxonomy->topics_.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": no topics"));
  }
  return taxonomy;
}

bool Taxonomy::Contains(std::string_view id) const {
  return std::any_of(topics_.begin(), topics_.end(),
                     [&](const claims::v1::Topic& t) { return t.id() == id; });
}

}  // namespace claims
