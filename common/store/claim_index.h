// What the store indexes and counts a claim under. Shared by the writer
// (which writes index entries and counters) and the reader (which matches
// claims against filters the same way).
#ifndef CLAIMS_COMMON_STORE_CLAIM_INDEX_H_
#define CLAIMS_COMMON_STORE_CLAIM_INDEX_H_

#include <string>
#include <string_view>
#include <vector>

#include "claims/v1/claims.pb.h"

namespace claims::store_internal {

// Distinct actor ids of the claim's subjects, objects, participants and
// modality source (the speaker of reported speech), in
// first-seen order; ids that cannot be keys ("" or with '\0') are left out.
std::vector<std::string> ClaimActorIds(const claims::v1::Claim& claim);

// "conflict/ceasefire" -> {"conflict/ceasefire", "conflict"}; empty path
// segments are not ancestors ("a//b" -> {"a//b", "a"}).
std::vector<std::string> TopicAncestry(std::string_view topic);

// Distinct topics of the claim with all their ancestors, in first-seen
// order; topics that cannot be keys are left out.
std::vector<std::string> ClaimTopicPaths(const claims::v1::Claim& claim);

}  // namespace claims::store_internal

#endif  // CLAIMS_COMMON_STORE_CLAIM_INDEX_H_
