#include "common/store/claim_index.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "common/store/absl_compat.h"
#include "common/store/key_codec.h"

namespace claims::store_internal {
namespace {

void AddDistinct(std::string_view value, absl::flat_hash_set<std::string>* seen,
                 std::vector<std::string>* out) {
  if (!IsValidKeyId(value)) return;
  if (seen->insert(std::string(value)).second) out->emplace_back(value);
}

}  // namespace

std::vector<std::string> ClaimActorIds(const claims::v1::Claim& claim) {
  absl::flat_hash_set<std::string> seen;
  std::vector<std::string> ids;
  for (const auto& ref : claim.subjects()) AddDistinct(ref.id(), &seen, &ids);
  for (const auto& ref : claim.objects()) AddDistinct(ref.id(), &seen, &ids);
  for (const auto& ref : claim.participants()) {
    AddDistinct(ref.id(), &seen, &ids);
  }
  // The source of a reported claim is one of its actors for queries.
  if (claim.has_modality_source()) AddDistinct(claim.modality_source().id(), &seen, &ids);
  return ids;
}

std::vector<std::string> TopicAncestry(std::string_view topic) {
  std::vector<std::string> paths;
  if (topic.empty()) return paths;
  paths.emplace_back(topic);
  for (size_t slash = topic.rfind('/'); slash != std::string_view::npos;
       slash = slash == 0 ? std::string_view::npos
                          : topic.rfind('/', slash - 1)) {
    std::string_view parent = topic.substr(0, slash);
    if (!parent.empty() && parent.back() != '/') paths.emplace_back(parent);
  }
  return paths;
}

std::vector<std::string> ClaimTopicPaths(const claims::v1::Claim& claim) {
  absl::flat_hash_set<std::string> seen;
  std::vector<std::string> paths;
  for (const std::string& topic : claim.topics()) {
    for (const std::string& path : TopicAncestry(topic)) {
      AddDistinct(path, &seen, &paths);
    }
  }
  return paths;
}

}  // namespace claims::store_internal
