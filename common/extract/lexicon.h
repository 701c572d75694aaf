// Lexicon: the word lists and cue tables the extractor reads from
// knowledge/extract (function words, common words, honorifics, organisation and
// place cues, verbs and their classes, modality cues, abbreviations).
//
//   ASSIGN_OR_RETURN(auto lex, Lexicon::Load("knowledge/extract"));
//   std::string lemma = lex->VerbLemma("rebuffed");  // "rebuff"
//
// Immutable after Load, so thread-safe.
#ifndef CLAIMS_COMMON_EXTRACT_LEXICON_H_
#define CLAIMS_COMMON_EXTRACT_LEXICON_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include "absl/strings/string_view.h"
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"
#include "common/kb/knowledge_base.h"
#include "common/syntax/syntax_models.h"

namespace claims {

// Reads the table `dir`/`name` of knowledge/extract: skips blank lines and
// '#' comments, splits each row on tabs (`tabs`) or on any whitespace, and
// calls `fn` with its fields. NOT_FOUND for a missing file;
// INVALID_ARGUMENT "path:line: message" when `fn` refuses a row.
absl::Status ReadDataRows(
    const std::string& dir, const std::string& name, bool tabs,
    const std::function<absl::Status(const std::vector<std::string>&)>& fn);

struct VerbClass {
  claims::v1::ClaimType type = claims::v1::EVENT;
  std::string plover;  // "" when none
};

class Lexicon {
 public:
  // INVALID_ARGUMENT "file:line: ..." for a malformed row; NOT_FOUND for a
  // missing file.
  static absl::StatusOr<std::unique_ptr<Lexicon>> Load(const std::string& dir);

  bool IsFunctionWord(absl::string_view lower) const {
    return function_words_.contains(lower);
  }
  bool IsCommonWord(absl::string_view lower) const;
  // Any dictionary word (WordNet), including inflections of common words.
  bool IsDictionaryWord(absl::string_view lower) const;
  // Type for an honorific/title word before a name, or UNSPECIFIED.
  claims::v1::ActorType Honorific(absl::string_view word) const;
  // An honorific (lower case, no full stop) that usage puts before a given
  // name ("king", "sheikh"): the one word after it is more likely a given
  // name than a family name.
  bool HonorificBeforeGivenName(absl::string_view lower) const {
    return given_name_honorifics_.contains(lower);
  }
  // Last word of a job title that may precede a name ("minister").
  bool IsTitleHead(absl::string_view lower) const { return title_heads_.contains(lower); }
  // Nouns a demonym only gives the nationality of ("hostage", "citizens").
  // A noun for a kind of organisation ("firm", "carmaker", "lender") that
  // can stand right before an organisation's name.
  bool IsOrganisationNoun(absl::string_view lower) const {
    return organisation_nouns_.contains(lower);
  }
  // A head noun that opens an organisation's name ("instituto",
  // "verband", "persatuan"; English ones before "of": "union").
  bool IsOrganisationLeadingHead(absl::string_view lower) const {
    return organisation_leading_heads_.contains(lower);
  }
  // A verb of emotion ("devastate", "worry"; psych_verbs.txt) whose past
  // participle after "be" is an adjective for a state.
  bool IsPsychVerb(absl::string_view lemma) const { return psych_verbs_.contains(lemma); }
  // A verb of relaying words ("quote", "interview"; relaying_verbs.txt):
  // its participle's agent carries what the noun it modifies said.
  bool IsRelayingVerb(absl::string_view lemma) const { return relaying_verbs_.contains(lemma); }
  // A body that finds or judges ("court", "inquiry"; institution_nouns.txt).
  bool IsInstitutionNoun(absl::string_view lower) const {
    return institution_nouns_.contains(lower);
  }
  // A norm or plan one acts in keeping with ("law", "plan"; norm_nouns.txt):
  // "according to" it names no source.
  bool IsNormNoun(absl::string_view lemma) const { return norm_nouns_.contains(lemma); }
  // A company's legal form ("pt", "ltd", "ag"), lower case without dots.
  bool IsLegalForm(absl::string_view lower) const { return legal_forms_.contains(lower); }
  bool IsNationalityNoun(absl::string_view lower) const {
    return nationality_nouns_.contains(lower);
  }
  const absl::flat_hash_set<std::string>& abbreviations() const { return abbreviations_; }
  // Closed-class words, lower case ("the", "he", "because").
  const absl::flat_hash_set<std::string>& function_words() const { return function_words_; }

  // Lemma of a verb form ("rebuffed" -> "rebuff", "was" -> "be"), or "" when
  // the word is not a known verb form. *inflected is set when the form is
  // not the bare lemma (a strong cue for a finite verb).
  std::string VerbLemma(absl::string_view lower, bool* inflected = nullptr) const;
  // The same for a form the tagger reads as a verb, with its Penn tag ("":
  // could it be a verb?): a bare infinitive (VB) that is a verb's base form
  // is its own lemma, though it is another verb's past too ("will lay off",
  // not "lie off"; "to found a company"); and the verbs SemCor saw only as
  // nouns count too ("chairs the board", "hosts the summit"), which
  // VerbLemma(lower) leaves out as more likely nouns.
  std::string VerbLemma(absl::string_view lower, absl::string_view xpos) const;
  // A form that is an irregular verb form and no word of any other kind
  // ("shrank", "meant"; not "rose", "left" or "said").
  bool IsVerbOnlyForm(absl::string_view lower) const;
  const VerbClass* ClassOf(absl::string_view lemma) const;
  // A verb of saying (claim type STATEMENT in verb_classes.tsv: "say",
  // "deny", "accuse").
  bool IsSpeechVerb(absl::string_view lemma) const;

  // How a modality cue attaches in the dependency tree (modality.tsv).
  enum class CueAttachment {
    kAdverb, kAuxiliary, kConditional, kRaising, kMark, kDeterminer,
    kPronoun, kEmbedding, kNaming, kExtraposed
  };
  // The modality `lemma` signals when attached as `attachment`, if any.
  std::optional<claims::v1::Modality> ModalityCue(CueAttachment attachment,
                                                  absl::string_view lemma) const;

 private:
  Lexicon() = default;

  absl::flat_hash_set<std::string> function_words_;
  absl::flat_hash_set<std::string> common_words_;
  absl::flat_hash_set<std::string> dictionary_words_;
  absl::flat_hash_map<std::string, claims::v1::ActorType> honorifics_;
  absl::flat_hash_set<std::string> given_name_honorifics_;
  absl::flat_hash_set<std::string> title_heads_;
  absl::flat_hash_set<std::string> nationality_nouns_;
  absl::flat_hash_set<std::string> organisation_nouns_;
  absl::flat_hash_set<std::string> legal_forms_;
  absl::flat_hash_set<std::string> organisation_leading_heads_;
  absl::flat_hash_set<std::string> psych_verbs_;
  absl::flat_hash_set<std::string> relaying_verbs_;
  absl::flat_hash_set<std::string> institution_nouns_;
  absl::flat_hash_set<std::string> norm_nouns_;
  absl::flat_hash_set<std::string> abbreviations_;
  absl::flat_hash_map<std::string, std::pair<int, int>> verbs_;  // tag counts
  absl::flat_hash_set<std::string> noun_verbs_;  // verbs SemCor tagged only as nouns
  absl::flat_hash_map<std::string, std::string> irregular_;
  absl::flat_hash_map<std::string, VerbClass> verb_classes_;
  absl::flat_hash_map<std::pair<CueAttachment, std::string>, claims::v1::Modality>
      modality_cues_;
};

// Installs the lexicon's verb forms and dictionary words, and the names of
// the people of `kb` (may be null), in the syntax models
// (SyntaxModels::set_verb_lexicon), as the extractor runs them. Both must
// outlive the models' use of them.
void InstallInSyntax(const Lexicon& lexicon, const KnowledgeBase* kb,
                     syntax::SyntaxModels* models);

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_LEXICON_H_
