// The typed output of the syntax stage: universal part-of-speech tags,
// dependency relations and the analysed sentence that tagging, lemmatizing
// and parsing fill in.
//
// Tags and relations are Universal Dependencies v2 (English treebanks), as
// enums so that later stages compare values, never strings.
#ifndef CLAIMS_COMMON_SYNTAX_SYNTAX_TYPES_H_
#define CLAIMS_COMMON_SYNTAX_SYNTAX_TYPES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace claims::syntax {

#define CLAIMS_UPOS_LIST(X) \
  X(kAdj, "ADJ") X(kAdp, "ADP") X(kAdv, "ADV") X(kAux, "AUX")           \
  X(kCconj, "CCONJ") X(kDet, "DET") X(kIntj, "INTJ") X(kNoun, "NOUN")   \
  X(kNum, "NUM") X(kPart, "PART") X(kPron, "PRON") X(kPropn, "PROPN")   \
  X(kPunct, "PUNCT") X(kSconj, "SCONJ") X(kSym, "SYM") X(kVerb, "VERB") \
  X(kX, "X")

enum class Upos : uint8_t {
#define CLAIMS_ENUM_(name, text) name,
  CLAIMS_UPOS_LIST(CLAIMS_ENUM_)
#undef CLAIMS_ENUM_
};

// Relations with the English subtypes of EWT and GUM.
#define CLAIMS_DEPREL_LIST(X)                                               \
  X(kRoot, "root") X(kPunct, "punct") X(kCase, "case") X(kDet, "det")       \
  X(kNsubj, "nsubj") X(kAdvmod, "advmod") X(kAmod, "amod") X(kObj, "obj")   \
  X(kObl, "obl") X(kConj, "conj") X(kNmod, "nmod") X(kCc, "cc")             \
  X(kCompound, "compound") X(kMark, "mark") X(kAux, "aux") X(kCop, "cop")   \
  X(kAdvcl, "advcl") X(kNmodPoss, "nmod:poss") X(kXcomp, "xcomp")           \
  X(kAclRelcl, "acl:relcl") X(kFlat, "flat") X(kCcomp, "ccomp")             \
  X(kAcl, "acl") X(kParataxis, "parataxis") X(kNummod, "nummod")            \
  X(kAuxPass, "aux:pass") X(kAppos, "appos") X(kNsubjPass, "nsubj:pass")    \
  X(kDiscourse, "discourse") X(kOblUnmarked, "obl:unmarked")                \
  X(kNmodUnmarked, "nmod:unmarked") X(kCompoundPrt, "compound:prt")         \
  X(kExpl, "expl") X(kFixed, "fixed") X(kIobj, "iobj") X(kList, "list")     \
  X(kOblAgent, "obl:agent") X(kDep, "dep") X(kReparandum, "reparandum")     \
  X(kCsubj, "csubj") X(kNmodDesc, "nmod:desc") X(kNsubjOuter, "nsubj:outer") \
  X(kAdvclRelcl, "advcl:relcl") X(kDetPredet, "det:predet")                 \
  X(kVocative, "vocative") X(kGoeswith, "goeswith") X(kCcPreconj, "cc:preconj") \
  X(kOrphan, "orphan") X(kDislocated, "dislocated") X(kCsubjPass, "csubj:pass") \
  X(kCsubjOuter, "csubj:outer") X(kOblTmod, "obl:tmod") X(kOblNpmod, "obl:npmod") \
  X(kNmodTmod, "nmod:tmod") X(kNmodNpmod, "nmod:npmod")

enum class DepRel : uint8_t {
#define CLAIMS_ENUM_(name, text) name,
  CLAIMS_DEPREL_LIST(CLAIMS_ENUM_)
#undef CLAIMS_ENUM_
};

absl::string_view UposName(Upos tag);
std::optional<Upos> ParseUpos(absl::string_view text);
absl::string_view DepRelName(DepRel rel);
// Unknown subtypes fall back to their base relation ("obl:foo" -> obl);
// nullopt when even the base is unknown.
std::optional<DepRel> ParseDepRel(absl::string_view text);
// The universal relation without its subtype (nsubj:pass -> nsubj).
DepRel BaseRel(DepRel rel);
// A Penn Treebank tag of a finite verb form or a modal: VBD, VBZ, VBP, MD.
bool IsFiniteTag(absl::string_view xpos);
// A quotation mark as a token: straight, curly or Penn Treebank's.
bool IsQuotationMark(absl::string_view form);

// One word of an analysed sentence. `head` is the index of the governing
// word in the same sentence, -1 for the root.
struct SyntaxWord {
  std::string form;
  std::string lemma;
  Upos upos = Upos::kX;
  std::string xpos;  // Penn Treebank tag
  int head = -1;
  DepRel rel = DepRel::kDep;
};

using SyntaxSentence = std::vector<SyntaxWord>;

}  // namespace claims::syntax

#endif  // CLAIMS_COMMON_SYNTAX_SYNTAX_TYPES_H_
