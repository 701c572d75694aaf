// Clause analysis: the predications of one parsed sentence, read off its
// dependency tree (Universal Dependencies relations from the syntax stage).
//
// Each clause head (a verb, or a nominal/adjective with a copula, or a
// verbless root) gives a Clause: its predicate (lemma plus particle: "pull
// out"), its arguments by grammatical role (passive voice already undone:
// "was attacked by X" gives X as subject), subjects shared through
// coordination, relative and participial clauses attached to the noun they
// modify, modality from the cues that govern this clause in the tree (so
// "He did not say that Iran attacked" negates the saying, not the attack),
// and reported speech: "X said (that) S", "S, X said", "according to X, S"
// and a quote followed by its speaker make S a reported clause whose source
// is X, and the saying itself no claim of its own unless it is negated.
//
// Decisions travel as typed values; nothing here knows about actors: the
// claim builder maps argument tokens to mentions. Thread-safe (stateless
// apart from the lexicon it reads).
#ifndef CLAIMS_COMMON_EXTRACT_CLAUSES_H_
#define CLAIMS_COMMON_EXTRACT_CLAUSES_H_

#include <functional>
#include <string>
#include <vector>

#include "claims/v1/claims.pb.h"
#include "common/extract/lexicon.h"
#include "common/syntax/syntax_types.h"

namespace claims {

enum class ArgRole {
  kSubject,   // nsubj, csubj, obl:agent of a passive
  kObject,    // obj, iobj, nsubj:pass, the noun a passive participle modifies
  kOblique,   // obl/nmod with a preposition (see Argument::preposition)
  kSource,    // "according to X"
};

struct Argument {
  int token = -1;            // head word of the argument phrase
  ArgRole role = ArgRole::kObject;
  std::string preposition;   // lower-case case marker of an oblique
  bool inherited = false;    // taken from a coordinated or governing clause
  bool patient = false;      // the subject of a passive ("was attacked")
};

struct Clause {
  int head = -1;             // the predicate's word (after raising)
  int governor = -1;         // the word whose clause this one belongs to
  // How the clause attaches to its governor (root, conj, advcl, acl, ...).
  syntax::DepRel relation = syntax::DepRel::kRoot;
  std::string predicate;     // lower-case lemma, with particle
  bool copula = false;       // "X is Y": predicate "be"
  bool verbless = false;     // a nominal root ("Strikes on Gaza")
  std::vector<Argument> args;
  // Words of this clause (its head's subtree minus the clauses below it
  // that make their own claims), ascending.
  std::vector<int> words;

  // Modality of the clause's own content, with the cue that set it.
  claims::v1::Modality modality = claims::v1::ASSERTED;
  std::string modality_cue;
  // A REPORTED cue that a stronger one outranked ("reportedly" in "Dylan
  // reportedly made no mention of the prize"): the clause is still
  // reported, and its content keeps the stronger modality.
  std::string outranked_report_cue;

  // Reported speech: the clause is what `source_token`'s phrase said
  // (REPORTED); `reporting_verb` is the saying's head, or -1 for
  // "according to" and "reportedly".
  bool reported = false;
  int reporting_verb = -1;
  int source_token = -1;
  // The source's words when the parser split its phrase (see
  // subject_first), else -1: the phrase is source_token's subtree.
  int source_first = -1;
  int source_last = -1;
  std::string reporting_cue;  // "said", "according to", "reportedly"
  // An adverbial or relative clause of reported content, reported as that
  // content is ("Witnesses said the gunmen opened fire, killing seven"):
  // a claim of its own only with an actor or a time of its own.
  bool within_report = false;
  // Attributed by a verb of belief or estimate ("Analysts estimate that
  // S"): REPORTED only when the source names an actor; otherwise ("The
  // data suggests that S") S keeps its own, hedged, modality.
  bool source_optional = false;
  // The clause is a saying whose content became its own clause: it makes
  // no claim (unless negated, when the content makes none instead).
  bool saying_only = false;
  // A subject phrase the parser split into several dependents of the verb
  // ("The owners | of the San Jose | mine have denied") is read as one:
  // its words [subject_first, subject_last], its head the subject
  // argument. -1 when the parse needed no repair.
  int subject_first = -1;
  int subject_last = -1;
  // Whether the clause makes a claim of its own: not a saying whose
  // content speaks for it, unless the saying is itself what another source
  // reports ("Investors fear S, analysts said": the analysts' claim is the
  // investors' fear; "According to the paper, officials told X that S").
  bool makes_claim() const { return !saying_only || (reported && reporting_verb != head); }
  // A clause that only modifies or complements another (relative,
  // participial, adverbial, complement) rather than stating on its own.
  bool subordinate() const {
    return relation != syntax::DepRel::kRoot && relation != syntax::DepRel::kConj &&
           relation != syntax::DepRel::kParataxis && relation != syntax::DepRel::kList &&
           !reported;
  }
  // Words inside quotation marks that hold the clause (a direct quote).
  int quote_first = -1;
  int quote_last = -1;
};

// A parsed sentence with its children lists, built once per sentence and
// shared by the clause analysis and the claim builder. Holds a reference to
// the words: they must outlive it.
class DependencyTree {
 public:
  explicit DependencyTree(const syntax::SyntaxSentence& words);

  int size() const { return static_cast<int>(w_.size()); }
  const syntax::SyntaxWord& word(int i) const { return w_[static_cast<size_t>(i)]; }
  syntax::DepRel rel(int i) const { return word(i).rel; }
  const std::vector<int>& children(int i) const { return children_[static_cast<size_t>(i)]; }
  std::string lemma(int i) const;
  std::string lower(int i) const;
  // The first child of `i` with relation `r`, or -1.
  int Child(int i, syntax::DepRel r) const;
  // The lower-case case marker of `i` ("in", "of", "according"), or "".
  std::string CaseOf(int i) const;
  bool IsQuote(int i) const;
  bool IsRelativePronoun(int i) const;
  // The words of the noun phrase headed by `head`: its subtree without the
  // clauses inside it (relative clauses, participles, complements,
  // conjoined predicates) and punctuation, ascending.
  std::vector<int> PhraseWords(int head) const;
  // Every word under `head`, `head` included, ascending.
  std::vector<int> SubtreeWords(int head) const;
  // Whether the first word under `head` that is no punctuation follows a
  // comma: a phrase or clause set off from what comes before it.
  bool SetOffByComma(int head) const;

 private:
  // `head` and the words below it through the children `take` accepts,
  // ascending.
  std::vector<int> Below(int head, const std::function<bool(int)>& take) const;

  const syntax::SyntaxSentence& w_;
  std::vector<std::vector<int>> children_;
};

class ClauseAnalyzer {
 public:
  explicit ClauseAnalyzer(const Lexicon& lexicon) : lex_(lexicon) {}

  // The clauses of one parsed sentence, in head order. Words before
  // `first_word` (a dateline) are ignored.
  std::vector<Clause> Analyze(const DependencyTree& tree, int first_word = 0) const;

 private:
  const Lexicon& lex_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_CLAUSES_H_
