// Quotations that run over several sentences: "\"We have found the wreck.
// It lies in 3,000 metres of water,\" Mary Jones told reporters." The
// sentence splitter cuts such a quotation apart, and the sentences that lie
// wholly inside it name no speaker; the claim stage attributes them to the
// speaker of the sentence that holds the quotation's attribution.
//
//   std::vector<int> by = QuotationAttributions(body, sentences);
//   // by[i] >= 0: sentence i lies inside a quotation attributed in by[i].
//   ... build claims, with SentenceContext::quoted = by[i] >= 0 ...
//   AttributeQuotations(body, by, sentences, &claims);
//
// Quotation marks are straight (opening and closing in turn) or curly; a
// quotation left open at the end of a paragraph ends there (news reopens a
// quotation that runs into the next paragraph). Stateless; thread-safe.
#ifndef CLAIMS_COMMON_EXTRACT_QUOTATIONS_H_
#define CLAIMS_COMMON_EXTRACT_QUOTATIONS_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "claims/v1/claims.pb.h"
#include "common/extract/mentions.h"
#include "google/protobuf/repeated_ptr_field.h"

namespace claims {

// For each sentence, the index of the sentence that attributes the
// quotation it lies wholly inside, or -1. The attribution is the sentence
// with the closing mark when words follow that mark ("...,\" she said."),
// else the one with the opening mark when words precede it ("She said:
// \"... "); a quotation with neither attributes nothing (-1).
std::vector<int> QuotationAttributions(absl::string_view body,
                                       const std::vector<SentenceTokens>& sentences);

// Makes the claims of each sentence inside an attributed quotation
// (`attribution` as returned above; a claim belongs to the sentence whose
// span starts where the claim's does) reported: the speaker is the source
// of the attributing sentence's reported claim, the quotation's words its
// quote; the claim's own modality becomes its content modality. Without a
// speaker there the claims are still reported, with no source: the words
// are somebody's, not the writer's.
void AttributeQuotations(absl::string_view body, const std::vector<int>& attribution,
                         const std::vector<SentenceTokens>& sentences,
                         google::protobuf::RepeatedPtrField<claims::v1::Claim>* claims);

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_QUOTATIONS_H_
