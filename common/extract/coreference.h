// Coreference: the stage after mention finding. Pronouns ("he", "its",
// "they") and definite descriptions ("the company", "the minister", "the
// 45-year-old") that refer back to an actor the article has named become
// mentions of that actor, so later stages (claims) find the actor by the
// token span of the reference.
//
//   ASSIGN_OR_RETURN(auto coref,
//   SalienceCoreference::Load("knowledge/extract")); MentionResult mentions =
//   finder.Find(body, sentences, date, authors); coref->Resolve(body,
//   sentences, &mentions);
//   // mentions.mentions now also holds, in text order, entries such as
//   //   {span "he", actor <Olaf Scholz>, is_name=false,
//   //    evidence "coref:he->Olaf Scholz"}
//
// The resolver only links backwards (no cataphora) to actors named within a
// few sentences, by agreement (type, gender, number; a description with
// the nouns the article gave a person, "the minister" not for "Senator
// Clara Mendes"), syntax (co-arguments
// of one verb never corefer; subjects are salient) and salience (recency,
// how often the actor is named). A reference it cannot link clearly is left
// alone.
//
// Immutable after Load; Resolve is const and thread-safe.
#ifndef CLAIMS_COMMON_EXTRACT_COREFERENCE_H_
#define CLAIMS_COMMON_EXTRACT_COREFERENCE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claims/v1/claims.pb.h"
#include "common/extract/mentions.h"

namespace claims {

// The interface other stages see: one call per article.
class CoreferenceResolver {
 public:
  virtual ~CoreferenceResolver() = default;
  // Appends to result->mentions a FoundMention (is_name = false, evidence
  // "coref:<word>-><actor name>") for each reference in `sentences` it links
  // to an actor of `result`, keeping result->mentions in text order. Never
  // changes or removes existing mentions, and never adds actors.
  virtual void Resolve(absl::string_view body,
                       const std::vector<SentenceTokens>& sentences,
                       MentionResult* result) const = 0;
};

// A word that may refer back to an actor (knowledge/extract/references.tsv).
struct ReferenceWord {
  enum class Class { kPronoun, kPossessive, kReflexive, kDescription };
  Class word_class = Class::kPronoun;
  std::vector<claims::v1::ActorType> types;  // actor types it may denote
  char gender = 0;                           // 'm', 'f', or 0 for either
  std::string role;                          // preferred KB role, "" any
};

// How candidates are ranked; chosen on GUM train (eval/coref_gum).
struct SalienceWeights {
  double per_sentence = 2.0;   // penalty per sentence back
  double subject = 2.0;        // antecedent was a subject
  double parallel = 1.0;       // reference and antecedent both subjects
  double frequency = 1.0;      // times log2(1 + mentions so far)
  double gender_known = 1.5;   // antecedent's gender known and agreeing
  double role_match = 2.0;     // description's preferred role matches
  double margin = 0.25;        // best must beat a rival actor by this
  int pronoun_window = 2;      // sentences back a pronoun may reach
  int description_window = 4;  // ... and a description
  // "it"/"its" (no gender): only to an antecedent named as a subject at
  // most this many sentences back, and only from a subject or possessive.
  int neuter_window = 1;
  bool neuter_needs_subjects = true;
};

// Also the mention stage's GenderCues (the same honorific and given-name
// tables).
class SalienceCoreference final : public CoreferenceResolver,
                                  public GenderCues {
 public:
  // Reads `dir`/references.tsv and `dir`/given_name_genders.tsv;
  // INVALID_ARGUMENT "file:line: reason" for a malformed row, NOT_FOUND when
  // a file is missing.
  static absl::StatusOr<std::unique_ptr<SalienceCoreference>> Load(
      const std::string& dir, SalienceWeights weights = SalienceWeights());

  void Resolve(absl::string_view body,
               const std::vector<SentenceTokens>& sentences,
               MentionResult* result) const override;

  const ReferenceWord* Find(absl::string_view lower) const;
  // 'm'/'f' for an honorific before a name ("Mr", "Ms"), else 0.
  char HonorificGender(absl::string_view lower) const override;
  // 'm'/'f' for a person's name whose given name (first word, when the
  // country writes it first) is usually of that gender, else 0.
  char NameGender(const ArticleActor& actor) const override;
  char GivenNameGender(absl::string_view word) const override;

 private:
  explicit SalienceCoreference(SalienceWeights weights) : weights_(weights) {}

  SalienceWeights weights_;
  absl::flat_hash_map<std::string, ReferenceWord> words_;
  absl::flat_hash_map<std::string, char> honorifics_;
  absl::flat_hash_map<std::string, char> given_names_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_COREFERENCE_H_
