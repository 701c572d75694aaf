#include "common/kb/taxonomy.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
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

// Abseil's string_view is its own type in this build.
absl::string_view Key(std::string_view s) { return absl::string_view(s.data(), s.size()); }

}  // namespace

absl::Status Taxonomy::AddFile(const std::string& path, bool extending) {
  kb::TopicEntry prototype;
  return kb::ReadJsonLines(
      path, prototype,
      [&](const google::protobuf::Message& m, int) -> absl::Status {
        const auto& e = static_cast<const kb::TopicEntry&>(m);
        if (!ValidTopicId(e.id())) {
          return absl::InvalidArgumentError(absl::StrCat(
              "bad topic id \"", e.id(), "\" (lower-case words separated by '/')"));
        }
        auto known = index_.find(e.id());
        if (known != index_.end() && !extending) {
          return absl::InvalidArgumentError(
              absl::StrCat("duplicate topic id \"", e.id(), "\""));
        }
        const size_t slash = e.id().rfind('/');
        const std::string parent =
            slash == std::string::npos ? "" : e.id().substr(0, slash);
        if (!e.parent().empty() && e.parent() != parent) {
          return absl::InvalidArgumentError(absl::StrCat(
              "topic \"", e.id(), "\" has parent \"", e.parent(),
              "\"; its id says \"", parent, "\""));
        }
        size_t at;
        if (known != index_.end()) {
          at = known->second;
        } else {
          if (!parent.empty() && !index_.contains(parent)) {
            return absl::InvalidArgumentError(absl::StrCat(
                "topic \"", e.id(), "\" before its parent \"", parent, "\""));
          }
          if (alias_to_id_.contains(e.id())) {
            return absl::InvalidArgumentError(absl::StrCat(
                "topic id \"", e.id(), "\" is already an alias of \"",
                alias_to_id_.at(e.id()), "\""));
          }
          at = topics_.size();
          index_.emplace(e.id(), at);
          claims::v1::Topic topic;
          topic.set_id(e.id());
          topic.set_parent(parent);
          topics_.push_back(std::move(topic));
          rules_.push_back(Rule{e.id(), {}});
        }
        claims::v1::Topic& topic = topics_[at];
        if (!e.label().empty()) topic.set_label(e.label());
        if (topic.label().empty()) topic.set_label(e.id());
        if (!e.iptc_code().empty()) topic.set_iptc_code(e.iptc_code());
        if (e.has_iptc_exact()) topic.set_iptc_broader(!e.iptc_exact());
        if (!e.definition().empty()) topic.set_definition(e.definition());
        for (const std::string& alias : e.aliases()) {
          if (!ValidTopicId(alias)) {
            return absl::InvalidArgumentError(
                absl::StrCat("bad alias \"", alias, "\" of \"", e.id(), "\""));
          }
          if (index_.contains(alias)) {
            return absl::InvalidArgumentError(absl::StrCat(
                "alias \"", alias, "\" of \"", e.id(), "\" is a topic id"));
          }
          auto [it, added] = alias_to_id_.emplace(alias, e.id());
          if (!added && it->second != e.id()) {
            return absl::InvalidArgumentError(absl::StrCat(
                "alias \"", alias, "\" of \"", e.id(), "\" already names \"",
                it->second, "\""));
          }
          if (added) topic.add_aliases(alias);
        }
        for (const auto& k : e.keywords()) {
          std::string kw = absl::AsciiStrToLower(absl::StripAsciiWhitespace(k));
          if (!kw.empty()) rules_[at].keywords.push_back(std::move(kw));
        }
        return absl::OkStatus();
      });
}

absl::StatusOr<std::unique_ptr<Taxonomy>> Taxonomy::LoadFromFile(
    const std::string& path, const std::string& extra_path) {
  auto taxonomy = std::make_unique<Taxonomy>();
  RETURN_IF_ERROR(taxonomy->AddFile(path, /*extending=*/false));
  if (!extra_path.empty()) {
    RETURN_IF_ERROR(taxonomy->AddFile(extra_path, /*extending=*/true));
  }
  if (taxonomy->topics_.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": no topics"));
  }
  // Only topics with keywords keep a rule.
  taxonomy->rules_.erase(
      std::remove_if(taxonomy->rules_.begin(), taxonomy->rules_.end(),
                     [](const Rule& r) { return r.keywords.empty(); }),
      taxonomy->rules_.end());
  return taxonomy;
}

bool Taxonomy::Contains(std::string_view id) const {
  return index_.contains(Key(id));
}

const claims::v1::Topic* Taxonomy::Find(std::string_view id) const {
  auto it = index_.find(Key(id));
  return it == index_.end() ? nullptr : &topics_[it->second];
}

std::string Taxonomy::Canonical(std::string_view id) const {
  if (index_.contains(Key(id))) return std::string(id);
  auto it = alias_to_id_.find(Key(id));
  return it == alias_to_id_.end() ? "" : it->second;
}

std::vector<std::string> Taxonomy::QueryIds(std::string_view id) const {
  std::vector<std::string> out;
  const std::string canonical = Canonical(id);
  if (canonical.empty()) return out;
  out.emplace_back(id);
  if (canonical != id) out.push_back(canonical);
  for (const auto& [alias, target] : alias_to_id_) {
    if (alias != id && IsSelfOrAncestor(canonical, target)) out.push_back(alias);
  }
  std::sort(out.begin() + 1, out.end());
  return out;
}

std::string_view Taxonomy::TopLevel(std::string_view id) {
  return id.substr(0, id.find('/'));
}

bool Taxonomy::IsSelfOrAncestor(std::string_view ancestor, std::string_view id) {
  if (id.substr(0, ancestor.size()) != ancestor) return false;
  return id.size() == ancestor.size() || id[ancestor.size()] == '/';
}

}  // namespace claims
