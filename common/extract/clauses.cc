#include "common/extract/clauses.h"

#include <algorithm>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace claims {
namespace {

using claims::v1::Modality;
using syntax::DepRel;
using syntax::SyntaxSentence;
using syntax::Upos;
using Cue = Lexicon::CueAttachment;

// Strength of a modality cue: the strongest cue of a clause wins.
int Rank(Modality m) {
  switch (m) {
    case claims::v1::NEGATED: return 0;
    case claims::v1::HYPOTHETICAL: return 1;
    case claims::v1::HEDGED: return 2;
    case claims::v1::REPORTED: return 3;
    default: return 4;
  }
}

using Tree = DependencyTree;

bool IsClausalRel(DepRel r) {
  switch (r) {
    case DepRel::kCcomp: case DepRel::kXcomp: case DepRel::kAdvcl:
    case DepRel::kAclRelcl: case DepRel::kAcl: case DepRel::kParataxis:
    case DepRel::kCsubj: case DepRel::kCsubjPass: case DepRel::kAdvclRelcl:
      return true;
    default:
      return false;
  }
}

// A word heading a predication of its own.
bool IsClauseHead(const Tree& t, int i) {
  const DepRel r = t.rel(i);
  if (r == DepRel::kRoot) return true;
  // An auxiliary that heads words of its own ("that Singapore has
  // sovereignty" with "has" tagged AUX) is a main verb the tagger missed.
  const bool main_aux = t.word(i).upos == Upos::kAux && r != DepRel::kAux &&
                        r != DepRel::kAuxPass && r != DepRel::kCop;
  const bool verbal =
      t.word(i).upos == Upos::kVerb || main_aux || t.Child(i, DepRel::kCop) >= 0;
  if (!verbal) return false;
  // A predicate with a subject of its own is a clause, whatever the parser
  // called its attachment ("Conditions would be worse ..., X said" with
  // "worse" taken for an adverb of "said").
  if (t.Child(i, DepRel::kNsubj) >= 0 || t.Child(i, DepRel::kNsubjPass) >= 0) return true;
  return IsClausalRel(r) || r == DepRel::kConj || r == DepRel::kList ||
         r == DepRel::kDep;
}

class Builder {
 public:
  Builder(const Tree& t, const Lexicon& lex, int first_word)
      : t_(t), lex_(lex), first_word_(first_word), clause_of_(static_cast<size_t>(t.size()), -1) {}

  std::vector<Clause> Run() {
    for (int i = first_word_; i < t_.size(); ++i) {
      if (t_.rel(i) == DepRel::kRoot || t_.word(i).head < first_word_) Visit(i);
    }
    for (Clause& c : clauses_) RepairSplitSubject(&c);
    for (Clause& c : clauses_) InheritSubjects(&c);
    for (size_t k = 0; k < clauses_.size(); ++k) FindSpeech(k);
    FindLooseAccordingTo();
    for (Clause& c : clauses_) ExtraposedContent(&c);
    for (Clause& c : clauses_) CleftContent(&c);
    for (Clause& c : clauses_) FoldSpeakingIntoSaying(&c);
    SpreadOverCoordination();
    SpreadIntoSubordinates();
    for (Clause& c : clauses_) FindQuote(&c);
    return std::move(clauses_);
  }

 private:
  // Pre-order: a clause's governor is analysed before it.
  void Visit(int root) {
    std::vector<std::pair<int, int>> stack = {{root, -1}};
    while (!stack.empty()) {
      auto [i, governor] = stack.back();
      stack.pop_back();
      int own = governor;
      if (OwnClause(i)) {
        own = static_cast<int>(clauses_.size());
        clauses_.push_back(MakeClause(i, governor));
        clause_of_[static_cast<size_t>(i)] = own;
        clause_of_[static_cast<size_t>(clauses_.back().head)] = own;
      }
      const auto& kids = t_.children(i);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.emplace_back(*it, own);
    }
  }

  // A word heading a clause that makes its own claim: a clause head other
  // than an xcomp, or the gerund a verb of saying reports ("denied
  // ignoring the warnings").
  bool OwnClause(int i) const {
    if (NamedAs(i)) return true;
    if (!IsClauseHead(t_, i)) return false;
    return t_.rel(i) != DepRel::kXcomp || ReportedGerund(i);
  }

  // "denied ignoring the warnings": the gerund a verb of saying takes as
  // its complement, or, with no subordinator or comma between ("has
  // always denied seeking ..."), as what the parser called an adverbial.
  bool ReportedGerund(int i) const {
    const DepRel r = t_.rel(i);
    if ((r != DepRel::kXcomp && r != DepRel::kAdvcl) || t_.word(i).xpos != "VBG") return false;
    const int gov = t_.word(i).head;
    if (gov < 0 || !lex_.IsSpeechVerb(t_.lemma(gov))) return false;
    return r == DepRel::kXcomp ||
           (i > gov && t_.Child(i, DepRel::kMark) < 0 && !CommaBetween(gov, i));
  }

  // "called the purchase | a win", "branded him | a traitor": the
  // predicative complement of a verb of naming, with that verb's object
  // before it. It heads a proposition of its own (the purchase is a win),
  // which the namer asserts.
  bool NamedAs(int i) const { return NamedObject(i) >= 0; }

  // The object a predicative complement `i` names (NamedAs), or -1.
  int NamedObject(int i) const {
    if (t_.rel(i) != DepRel::kXcomp) return -1;
    const Upos u = t_.word(i).upos;
    if (u != Upos::kNoun && u != Upos::kPropn && u != Upos::kAdj) return -1;
    const int gov = t_.word(i).head;
    if (gov < 0 || !lex_.ModalityCue(Cue::kNaming, t_.lemma(gov))) return -1;
    // A phrase set off by a comma is no complement ("rejected the result
    // on Friday, a week after ...").
    if (t_.SetOffByComma(i)) return -1;
    const int named = t_.Child(gov, DepRel::kObj);
    if (named >= 0 && named < i) return named;
    // "called [the discussion absurd]": the small clause's own subject.
    const int own = t_.Child(i, DepRel::kNsubj);
    return own > gov && own < i ? own : -1;
  }

  // An xcomp that is a clause of its own, not a link of its governor's.
  bool OwnXcomp(int i) const { return ReportedGerund(i) || NamedAs(i); }

  Clause MakeClause(int h, int governor) {
    Clause c;
    c.governor = governor >= 0 ? clauses_[static_cast<size_t>(governor)].head : -1;
    c.head = h;
    c.relation = t_.rel(h);
    c.verbless = t_.word(h).upos != Upos::kVerb && t_.word(h).upos != Upos::kAux &&
                 t_.Child(h, DepRel::kCop) < 0;
    Modality best = claims::v1::ASSERTED;
    std::string report_cue;
    auto cue = [&](Modality m, const std::string& text) {
      if (m == claims::v1::REPORTED && report_cue.empty()) report_cue = text;
      if (Rank(m) < Rank(best)) {
        best = m;
        c.modality_cue = text;
      }
    };
    // Raising and transparent verbs hand the event to their xcomp.
    std::vector<int> chain = {h};
    for (int x = t_.Child(h, DepRel::kXcomp); x >= 0 && chain.size() < 6;
         x = t_.Child(x, DepRel::kXcomp)) {
      auto raising = lex_.ModalityCue(Cue::kRaising, t_.lemma(chain.back()));
      if (!raising) break;
      // A verb of reporting raises only in the passive ("is said to");
      // active, its xcomp is its own ("said to wait", or a misparse).
      if (*raising == claims::v1::REPORTED && t_.Child(chain.back(), DepRel::kAuxPass) < 0 &&
          t_.Child(chain.back(), DepRel::kNsubjPass) < 0) {
        break;
      }
      if (*raising != claims::v1::ASSERTED) cue(*raising, t_.lemma(chain.back()));
      chain.push_back(x);
    }
    // A conjunct of a raising verb's complement is under that verb too
    // ("risks not only prolonging the war but also redefining ...").
    if (const int x = t_.word(h).head; t_.rel(h) == DepRel::kConj && x >= 0 &&
        t_.rel(x) == DepRel::kXcomp && t_.word(x).head >= 0) {
      const int raiser = t_.word(x).head;
      auto raising = lex_.ModalityCue(Cue::kRaising, t_.lemma(raiser));
      if (raising && *raising != claims::v1::ASSERTED) cue(*raising, t_.lemma(raiser));
    }
    c.head = chain.back();
    c.copula = t_.Child(c.head, DepRel::kCop) >= 0;
    c.predicate = c.copula ? "be" : t_.lemma(c.head);
    if (int prt = t_.Child(c.head, DepRel::kCompoundPrt); prt >= 0) {
      c.predicate += " " + t_.lemma(prt);
    }
    for (int link : chain) CollectArgs(link, link == h, &c);
    // "The convoy appears to have been attacked": a subject raised from a
    // passive event is its patient.
    if (chain.size() > 1 && t_.Child(c.head, DepRel::kAuxPass) >= 0) {
      for (Argument& a : c.args) {
        if (a.role == ArgRole::kSubject && t_.rel(a.token) == DepRel::kNsubj &&
            t_.word(a.token).head == h) {
          a.role = ArgRole::kObject;
          a.patient = true;
        }
      }
    }
    // "The party is said to have questioned the count": a passive raising
    // verb's subject is the active event's subject, not its patient.
    if (chain.size() > 1 && t_.Child(c.head, DepRel::kAuxPass) < 0) {
      for (Argument& a : c.args) {
        if (a.role == ArgRole::kObject && a.patient && t_.rel(a.token) == DepRel::kNsubjPass &&
            t_.word(a.token).head == h) {
          a.role = ArgRole::kSubject;
          a.patient = false;
        }
      }
    }
    if (const int named = NamedObject(h); named >= 0) {
      // "the purchase is a win": the namer's object is the subject.
      c.copula = true;
      c.verbless = false;
      c.predicate = "be";
      PutSubjectFirst(named, false, named, named, &c);
    }
    // A non-raising xcomp ("threatened to attack Israel") adds its
    // arguments to the governing claim.
    for (int x = t_.Child(c.head, DepRel::kXcomp); x >= 0 && !OwnXcomp(x);) {
      CollectArgs(x, false, &c);
      const int next = t_.Child(x, DepRel::kXcomp);
      x = next == x ? -1 : next;
    }
    AttachToModifiedNoun(h, &c);
    for (int link : chain) OwnModality(link, &c, cue);
    c.modality = best;
    if (best != claims::v1::REPORTED) c.outranked_report_cue = report_cue;
    c.words = ClauseWords(h);
    return c;
  }

  // Arguments of `i`. `subject_too`: the subject belongs to the clause
  // (false for the lower links of a raising chain and for xcomps).
  void CollectArgs(int i, bool subject_too, Clause* c) const {
    const bool passive = t_.Child(i, DepRel::kAuxPass) >= 0 || t_.Child(i, DepRel::kNsubjPass) >= 0;
    for (int k : t_.children(i)) {
      Argument a;
      a.token = k;
      switch (t_.rel(k)) {
        case DepRel::kNsubj: case DepRel::kNsubjOuter:
          if (!subject_too) continue;
          a.role = ArgRole::kSubject;
          break;
        case DepRel::kNsubjPass:
          if (!subject_too) continue;
          a.role = ArgRole::kObject;
          a.patient = true;
          break;
        case DepRel::kObj: case DepRel::kIobj:
          a.role = ArgRole::kObject;
          break;
        case DepRel::kOblAgent:
          a.role = ArgRole::kSubject;
          break;
        case DepRel::kObl: case DepRel::kOblNpmod: case DepRel::kOblUnmarked:
        case DepRel::kNmod: case DepRel::kNmodPoss:
          a.preposition = t_.CaseOf(k);
          if (t_.rel(k) == DepRel::kNmodPoss) a.preposition = "of";
          if (a.preposition == "according" && AccordingToSource(k)) {
            a.role = ArgRole::kSource;
          } else if (passive && a.preposition == "by") {
            a.role = ArgRole::kSubject;
          } else {
            a.role = ArgRole::kOblique;
          }
          break;
        default:
          continue;
      }
      if (t_.IsRelativePronoun(k)) continue;  // stands for the modified noun
      c->args.push_back(std::move(a));
    }
  }

  // Relative clauses and participles: the noun they modify takes the role
  // of the relative pronoun ("Hamas, which controls Gaza"), or of the
  // participle's subject ("the man arrested in Hexham" is its object).
  void AttachToModifiedNoun(int h, Clause* c) const {
    const DepRel r = t_.rel(h);
    if (r != DepRel::kAclRelcl && r != DepRel::kAcl) return;
    const int noun = t_.word(h).head;
    if (noun < 0) return;
    Argument a;
    a.token = noun;
    a.inherited = true;
    if (r == DepRel::kAcl) {
      a.role = t_.word(h).xpos == "VBN" ? ArgRole::kObject : ArgRole::kSubject;
    } else {
      a.role = ArgRole::kObject;
      for (int k : t_.children(h)) {
        if (t_.IsRelativePronoun(k) &&
            (t_.rel(k) == DepRel::kNsubj || (t_.rel(k) == DepRel::kObl &&
                                             t_.CaseOf(k) == "by"))) {
          a.role = ArgRole::kSubject;
        }
      }
      const bool has_subject = std::any_of(c->args.begin(), c->args.end(), [](const Argument& x) {
        return x.role == ArgRole::kSubject;
      });
      if (has_subject && a.role == ArgRole::kSubject) return;
    }
    c->args.push_back(a);
  }

  // Whether predicate i has an adverbial clause opened by "without".
  // True when a clause opened by "without" depends on word i ("without
  // paying"; "without accounting for ...", a gerund the parser may take for
  // a noun). Not a noun phrase: "cannot consider a ceasefire without the
  // elimination of Hamas" rules the ceasefire out.
  bool HasWithoutClause(int i) const {
    for (int k : t_.children(i)) {
      const DepRel r = t_.rel(k);
      if (r != DepRel::kAdvcl &&
          !(r == DepRel::kObl && absl::EndsWith(t_.lower(k), "ing"))) {
        continue;
      }
      const DepRel opener = r == DepRel::kAdvcl ? DepRel::kMark : DepRel::kCase;
      for (int g : t_.children(k)) {
        if (t_.rel(g) == opener && t_.lower(g) == "without") return true;
      }
    }
    return false;
  }

  template <typename CueFn>
  void OwnModality(int i, const Clause* c, CueFn& cue) const {
    bool conditional = false;
    for (int k : t_.children(i)) {
      const DepRel r = t_.rel(k);
      if (r == DepRel::kMark) {
        if (auto m = lex_.ModalityCue(Cue::kMark, t_.lemma(k))) {
          conditional = true;
          cue(*m, t_.lower(k));
        }
      } else if (r == DepRel::kAdvcl) {
        for (int g : t_.children(k)) {
          if (t_.rel(g) == DepRel::kMark && lex_.ModalityCue(Cue::kMark, t_.lemma(g))) {
            conditional = true;
          }
        }
      }
    }
    for (int k : t_.children(i)) {
      const DepRel r = t_.rel(k);
      const std::string lemma = t_.lemma(k);
      if (r == DepRel::kAdvmod) {
        // "not only ... but also" is no negation.
        if (k + 1 < t_.size() && t_.lower(k + 1) == "only") continue;
        std::optional<Modality> m = lex_.ModalityCue(Cue::kAdverb, lemma);
        if (!m) m = lex_.ModalityCue(Cue::kAdverb, t_.lower(k));
        // "cannot be understood without accounting for ...", "no one
        // leaves without paying": two negations state a requirement.
        if (m && *m == claims::v1::NEGATED && HasWithoutClause(i)) continue;
        if (m) cue(*m, t_.lower(k));
      } else if (r == DepRel::kCcPreconj) {
        // "Neither X nor Y responded", with "neither" hung on the verb.
        if (auto m = lex_.ModalityCue(Cue::kDeterminer, lemma)) cue(*m, t_.lower(k));
      } else if (r == DepRel::kAux && t_.word(k).xpos == "MD") {
        if (auto m = lex_.ModalityCue(Cue::kAuxiliary, t_.lower(k))) {
          cue(*m, t_.lower(k));
        } else if (auto m2 = lex_.ModalityCue(Cue::kConditional, t_.lower(k));
                   m2 && conditional) {
          cue(*m2, t_.lower(k));
        }
      }
    }
    // "No agreement was reached", "Nobody was hurt", "Neither the Kremlin
    // nor Kyiv responded".
    for (const Argument& a : c->args) {
      if (a.role != ArgRole::kSubject && a.role != ArgRole::kObject) continue;
      if (a.inherited) continue;
      if (auto m = lex_.ModalityCue(Cue::kPronoun, t_.lemma(a.token))) cue(*m, t_.lower(a.token));
      for (int k : t_.children(a.token)) {
        if (t_.rel(k) != DepRel::kDet && t_.rel(k) != DepRel::kCcPreconj) continue;
        if (auto m = lex_.ModalityCue(Cue::kDeterminer, t_.lemma(k))) cue(*m, t_.lower(k));
      }
    }
  }

  // The head's subtree without the subtrees of clauses of their own.
  std::vector<int> ClauseWords(int h) const {
    std::vector<int> out;
    std::vector<int> stack = {h};
    while (!stack.empty() && out.size() <= static_cast<size_t>(t_.size())) {
      int i = stack.back();
      stack.pop_back();
      out.push_back(i);
      for (int k : t_.children(i)) {
        if (OwnClause(k)) continue;
        stack.push_back(k);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // A subject phrase the parser split into several dependents of the verb
  // ("The owners | of the San Jose | mine have denied", "Two officials |
  // familiar | with the investigation said"): the words from the clause's
  // start (the sentence's, or after a comma, quote or colon) to the verb's
  // auxiliaries hang from the verb only, hold no verb, and two or more of
  // them are its dependents, one a subject, with a preposition between.
  // They are one phrase, and its head is its first noun before any
  // preposition ("owners", "officials").
  void RepairSplitSubject(Clause* c) {
    const int v = clause_head_of(c->head);
    int end = v;  // the run ends before the verb's auxiliaries and adverbs
    while (end > first_word_ && t_.word(end - 1).head == v &&
           (t_.rel(end - 1) == DepRel::kAux || t_.rel(end - 1) == DepRel::kAuxPass ||
            t_.rel(end - 1) == DepRel::kAdvmod)) {
      --end;
    }
    int start = end;
    while (start > first_word_ && !IsBoundary(start - 1)) --start;
    if (end - start < 3) return;
    int dependents = 0;
    bool subject = false, preposition = false;
    for (int i = start; i < end; ++i) {
      if (t_.word(i).upos == Upos::kVerb || t_.word(i).upos == Upos::kAux) return;
      preposition |= i > start && t_.word(i).upos == Upos::kAdp;
      int h = t_.word(i).head;
      for (int guard = 0; guard < 8 && h >= start && h < end; ++guard) h = t_.word(h).head;
      if (h != v) return;
      if (t_.word(i).head != v) continue;
      ++dependents;
      subject |= t_.rel(i) == DepRel::kNsubj || t_.rel(i) == DepRel::kNsubjPass;
    }
    // A preposition inside is what a parse of a whole phrase attaches
    // within it ("Polish | President Andrzej Duda said", two subjects and
    // no preposition, is left to OwnSubject).
    if (dependents < 2 || !subject || !preposition) return;
    // A subject pronoun right before the verb is its subject ("the
    // pursuit of a deal | he is opposed to"): closed-class English.
    static constexpr absl::string_view kNominative[] = {"i",  "you", "he",  "she",
                                                        "it", "we",  "they"};
    if (std::find(std::begin(kNominative), std::end(kNominative), t_.lower(end - 1)) !=
        std::end(kNominative)) {
      return;
    }
    int head = -1;
    for (int i = start; i < end && head < 0; ++i) {
      const Upos u = t_.word(i).upos;
      if (u == Upos::kAdp || u == Upos::kSconj) return;
      if (u == Upos::kNoun || u == Upos::kPropn || u == Upos::kPron) head = i;
    }
    if (head < 0) return;
    PutSubjectFirst(head, t_.Child(v, DepRel::kAuxPass) >= 0, start, end - 1, c);
    c->subject_first = start;
    c->subject_last = end - 1;
  }

  // Makes `token` the clause's first argument, its subject (its patient
  // when `passive`), in place of the clause's own arguments among words
  // [first, last].
  static void PutSubjectFirst(int token, bool passive, int first, int last, Clause* c) {
    auto& args = c->args;
    args.erase(std::remove_if(args.begin(), args.end(),
                              [&](const Argument& a) {
                                return a.token >= first && a.token <= last;
                              }),
               args.end());
    Argument a;
    a.token = token;
    a.role = passive ? ArgRole::kObject : ArgRole::kSubject;
    a.patient = passive;
    args.insert(args.begin(), a);
  }

  bool IsBoundary(int i) const {
    const std::string& f = t_.word(i).form;
    return f == "," || f == ":" || f == ";" || t_.IsQuote(i) ||
           t_.word(i).upos == Upos::kSconj || t_.word(i).upos == Upos::kCconj;
  }

  // Coordinated verbs share the subject ("Israel struck Gaza and fired
  // ..."), and so do adverbial clauses without one ("By engaging with
  // Hamas, the US President ...").
  void InheritSubjects(Clause* c) {
    const int top = clause_head_of(c->head);
    const DepRel own = t_.rel(top);
    if (own != DepRel::kConj && own != DepRel::kAdvcl && !ReportedGerund(top)) return;
    for (const Argument& a : c->args) {
      if (a.role == ArgRole::kSubject || a.patient) return;
    }
    Clause* g = Mutable(c->governor);
    if (g == nullptr) return;
    // "X was quoted by Y as saying S": X is the one saying; the quoting is
    // how the writer knows it, no claim of its own.
    const int mark = t_.Child(top, DepRel::kMark);
    if (own == DepRel::kAdvcl && (g->predicate == "quote" || g->predicate == "cite") &&
        t_.Child(g->head, DepRel::kAuxPass) >= 0 && mark >= 0 && t_.lower(mark) == "as") {
      for (const Argument& a : g->args) {
        if (!a.patient) continue;
        Argument copy = a;
        copy.inherited = true;
        copy.patient = false;
        copy.role = ArgRole::kSubject;
        c->args.push_back(copy);
        g->saying_only = true;
      }
      return;
    }
    const bool has_subject = std::any_of(g->args.begin(), g->args.end(), [](const Argument& a) {
      return a.role == ArgRole::kSubject;
    });
    // The governor's subject (or agent) is shared; a passive governor
    // without an agent shares its patient, in the role this clause's voice
    // gives it ("Israel was attacked and retaliated"; "Faced with
    // opposition, Mr Netanyahu was compelled to ...").
    const bool passive = t_.Child(c->head, DepRel::kAuxPass) >= 0;
    for (const Argument& a : g->args) {
      if (has_subject ? a.role != ArgRole::kSubject : !a.patient) continue;
      Argument copy = a;
      copy.inherited = true;
      if (!has_subject) {
        copy.patient = passive;
        copy.role = passive ? ArgRole::kObject : ArgRole::kSubject;
      }
      c->args.push_back(copy);
    }
  }

  // The word that heads the clause containing `head` (before raising).
  int clause_head_of(int head) const {
    int i = head;
    for (int guard = 0; guard < 8 && t_.rel(i) == DepRel::kXcomp && !OwnXcomp(i); ++guard) {
      const int up = t_.word(i).head;
      if (up < 0) break;
      i = up;
    }
    return i;
  }

  // A verb of saying, or one that names its object something ("dismissed
  // the referendum as a publicity stunt": the subject's claim).
  bool IsSpeech(const Clause& c) const {
    if (c.copula) return false;
    if (lex_.IsSpeechVerb(c.predicate)) return true;
    return std::any_of(t_.children(c.head).begin(), t_.children(c.head).end(),
                       [&](int k) { return NamedAs(k); });
  }

  // The clause headed by `word` (before or after raising), or nullptr.
  Clause* Mutable(int word) {
    if (word < 0) return nullptr;
    const int k = clause_of_[static_cast<size_t>(word)];
    return k < 0 ? nullptr : &clauses_[static_cast<size_t>(k)];
  }

  // The clause a finding or belief after it is set off from: "S, the
  // court found", the finding a parataxis of S's head, or a clause of the
  // sentence's root set off by a comma ("the law, the court found" is no
  // relative clause). Null when there is none.
  Clause* ContentBeforeFinding(const Clause& finding) {
    const int before = t_.word(finding.head).head;
    if (before < 0 || before > finding.head) return nullptr;
    const DepRel r = t_.rel(finding.head);
    if (r == DepRel::kParataxis) return Mutable(before);
    if (r != DepRel::kAcl && r != DepRel::kAclRelcl) return nullptr;
    const std::vector<int> below = t_.SubtreeWords(finding.head);
    // ", which the court found unlawful" is a relative clause still.
    const bool relative = std::any_of(below.begin(), below.end(),
                                      [&](int k) { return t_.IsRelativePronoun(k); });
    if (t_.word(before).head >= 0 || !t_.SetOffByComma(finding.head) || relative) return nullptr;
    return Mutable(before);
  }

  void FindSpeech(size_t k) {
    Clause& saying = clauses_[k];
    // "according to X, S" and "reportedly": the clause itself is reported.
    for (const Argument& a : saying.args) {
      if (a.role == ArgRole::kSource) {
        saying.reported = true;
        saying.source_token = Issuer(a.token);
        saying.reporting_cue = "according to";
        ReportMainClauseToo(saying, a.token);
      }
    }
    if (!saying.reported && saying.modality == claims::v1::REPORTED) {
      saying.reported = true;
      saying.reporting_cue = saying.modality_cue;
      saying.modality = claims::v1::ASSERTED;
      saying.modality_cue.clear();
    } else if (!saying.reported && !saying.outranked_report_cue.empty()) {
      saying.reported = true;
      saying.reporting_cue = saying.outranked_report_cue;
    }
    if (IsAccordingTo(saying)) return;
    if (!IsSpeech(saying)) {
      // "The data suggests that S", "Officials believe S": S is hedged.
      // "The inquiry found that S": S is the inquiry's finding.
      auto embedded = lex_.ModalityCue(Cue::kEmbedding, saying.predicate);
      Clause* content = Mutable(t_.Child(saying.head, DepRel::kCcomp));
      // A "that"-clause the parser hung elsewhere ("ruled on Friday that
      // S", S under "Friday"); a verb with an object has its complement
      // already ("found a gene that ...").
      if (content == nullptr && t_.Child(saying.head, DepRel::kObj) < 0) {
        content = FirstClauseBelow(saying, [this](const Clause& c) { return OpensWithThat(c); });
      }
      // "S, the court found": the clause before, the finding set off from
      // it by a comma (as the parser may hang it on the root noun: acl).
      if (content == nullptr) content = ContentBeforeFinding(saying);
      // The writer does not assert S, whatever S itself says; with a
      // subject, S is what the subject believes or estimates.
      if (embedded && content != nullptr) {
        // A verb of finding ("the inquiry found that S") leaves S as sure
        // as S says; the others make S at most what they are.
        if (Rank(*embedded) < Rank(content->modality)) {
          content->modality = *embedded;
          content->modality_cue = saying.predicate;
        }
        if (ConditionalSaying(saying, content)) return;
        const int subject = OwnSubject(saying);
        if (subject >= 0 && !saying.copula && !content->reported) {
          saying.saying_only = true;
          content->reported = true;
          content->source_optional = true;
          content->reporting_verb = saying.head;
          content->source_token = subject;
          content->reporting_cue = t_.lower(saying.head);
        }
      }
      return;
    }
    Clause* content = SpokenContent(saying);
    std::vector<Clause*> lower;  // clauses the report climbed from
    if (content == nullptr) content = PrecedingContent(&saying, &lower);
    if (content == nullptr || content == &saying) return;
    MarkReported(saying, content);
    for (Clause* c : lower) SpreadReport(*content, c);
    // "\"A,\" he said, \"B.\"": the quotation's second part, the saying's
    // other complement, is reported too.
    for (int k : t_.children(saying.head)) {
      if (t_.rel(k) != DepRel::kCcomp || k == content->head) continue;
      if (Clause* more = Mutable(k); more != nullptr && more != &saying) {
        SpreadReport(*content, more);
      }
    }
  }

  // `lower` is reported as `content` is (same source and cue).
  static void SpreadReport(const Clause& content, Clause* lower) {
    if (!content.reported || lower->reported) return;
    lower->reported = true;
    lower->reporting_verb = content.reporting_verb;
    lower->source_token = content.source_token;
    lower->source_first = content.source_first;
    lower->source_last = content.source_last;
    lower->reporting_cue = content.reporting_cue;
  }

  // "It is likely that S", "(X said) it was almost certain that S": the
  // adjective's "that"-clause is the claim, at most as sure as the
  // adjective makes it ("it is not clear that S": hedged); the copula with
  // its empty "it" makes none, and a report of it reports S.
  void ExtraposedContent(Clause* c) {
    if (!c->copula || t_.word(c->head).upos != Upos::kAdj) return;
    const auto cue = lex_.ModalityCue(Cue::kExtraposed, t_.lemma(c->head));
    if (!cue) return;
    int it = t_.Child(c->head, DepRel::kNsubj);
    if (it < 0) it = t_.Child(c->head, DepRel::kExpl);
    if (it < 0 || t_.lower(it) != "it") return;
    Clause* content = nullptr;
    for (int k : t_.children(c->head)) {
      const DepRel r = t_.rel(k);
      if (r != DepRel::kCcomp && r != DepRel::kCsubj) continue;
      Clause* inner = Mutable(k);
      if (inner != nullptr && inner != c && OpensWithThat(*inner)) content = inner;
    }
    if (content == nullptr) return;
    Modality m = *cue;
    if (c->modality == claims::v1::NEGATED) {
      m = claims::v1::HEDGED;
    } else if (Rank(c->modality) < Rank(m)) {
      m = c->modality;
    }
    if (Rank(m) < Rank(content->modality)) {
      content->modality = m;
      content->modality_cue = t_.lemma(c->head);
    }
    HandOverToContent(c, content);
  }

  // The copula `c` of an empty "it" makes no claim: `content` does, and is
  // reported as `c` was.
  static void HandOverToContent(Clause* c, Clause* content) {
    SpreadReport(*c, content);
    c->reported = false;
    c->saying_only = true;
  }

  // "It was Russia that shut off the flow", "(X said) it was he who S": a
  // cleft's relative clause is the claim, its subject the name the copula
  // stresses; the copula with its empty "it" makes none, and a report of
  // it reports the relative clause.
  void CleftContent(Clause* c) {
    if (!c->copula) return;
    const Upos u = t_.word(c->head).upos;
    if (u != Upos::kPropn && u != Upos::kPron) return;
    const int it = t_.Child(c->head, DepRel::kNsubj);
    if (it < 0 || it > c->head || t_.lower(it) != "it") return;
    int rel = t_.Child(c->head, DepRel::kAclRelcl);
    if (rel < 0) rel = t_.Child(c->head, DepRel::kAdvclRelcl);
    Clause* content = rel > c->head ? Mutable(rel) : nullptr;
    if (content == nullptr || content == c) return;
    // "It was Hamas that fired": the relative word's antecedent is the
    // subject where the parser left it none.
    const bool has_subject = std::any_of(content->args.begin(), content->args.end(),
                                         [](const Argument& a) { return a.role == ArgRole::kSubject; });
    const int relative = t_.Child(rel, DepRel::kNsubj);
    if (!has_subject && relative >= 0 && t_.IsRelativePronoun(relative)) {
      Argument subject;
      subject.token = c->head;
      subject.role = ArgRole::kSubject;
      subject.inherited = true;
      content->args.insert(content->args.begin(), subject);
    }
    if (c->modality == claims::v1::NEGATED) content->modality = claims::v1::NEGATED;
    HandOverToContent(c, content);
  }

  // "X telephoned the players to congratulate them, according to S": an
  // "according to" set off by a comma after the clause it hangs on reports
  // the whole sentence, so the clauses that clause completes or modifies
  // (xcomp, advcl) up to the main one are reported too.
  void ReportMainClauseToo(const Clause& lower, int source) {
    int according = -1;
    for (int k : t_.children(source)) {
      if (t_.rel(k) == DepRel::kCase && t_.lower(k) == "according") according = k;
    }
    if (according <= lower.head || according == 0 || t_.word(according - 1).form != ",") return;
    // Closing the sentence, it reports the clauses that modify nouns on the
    // way too ("S shortly after the Titan lost contact, according to X").
    const std::vector<int> phrase = t_.SubtreeWords(source);
    int last = t_.size() - 1;
    while (last > 0 && t_.word(last).upos == syntax::Upos::kPunct) --last;
    const bool closing = phrase.back() >= last;
    const Clause* c = &lower;
    for (int guard = 0; guard < 8; ++guard) {
      const DepRel r = c->relation;
      const bool modifier = r == DepRel::kAcl || r == DepRel::kAclRelcl;
      if (r != DepRel::kXcomp && r != DepRel::kAdvcl && !(closing && modifier)) break;
      Clause* up = modifier ? EnclosingClause(c->governor) : Mutable(c->governor);
      if (up == nullptr || up->reported) break;
      up->reported = true;
      up->source_token = lower.source_token;
      up->reporting_cue = "according to";
      c = up;
    }
  }

  // "Speaking to reporters in Brasilia, the president said S", "The
  // leader, speaking in parliament, accused ...": a verb of saying as a
  // participle without a subject of its own, beside or inside a saying
  // that reports its content, is how S was said, no claim of its own.
  void FoldSpeakingIntoSaying(Clause* c) {
    if ((c->relation != DepRel::kAdvcl && c->relation != DepRel::kAcl) ||
        t_.word(c->head).xpos != "VBG" ||
        OwnSubject(*c) >= 0 || !IsSpeech(*c) || c->reported) {
      return;
    }
    const Clause* governor = Mutable(c->governor);
    if (governor != nullptr && governor->saying_only) c->saying_only = true;
  }

  // The agent of a document named as a source ("according to a statement
  // issued by the federation" -> the federation), else `source` itself.
  // The issuing then makes no claim of its own.
  int Issuer(int source) {
    for (int k : t_.children(source)) {
      if (t_.rel(k) != DepRel::kAcl || t_.word(k).xpos != "VBN") continue;
      // "a police source quoted by the newspaper Clarin": the paper only
      // carries the source's words.
      if (lex_.IsRelayingVerb(t_.lemma(k))) {
        if (Clause* relaying = Mutable(k)) relaying->saying_only = true;
        return source;
      }
      for (int g : t_.children(k)) {
        if (t_.rel(g) == DepRel::kOblAgent ||
            (t_.rel(g) == DepRel::kObl && t_.CaseOf(g) == "by")) {
          if (Clause* issuing = Mutable(k)) issuing->saying_only = true;
          return g;
        }
      }
    }
    return source;
  }

  // "According to X, S" parsed with "According" as a verb: S is reported,
  // X is its source, and the phrase is no claim.
  bool IsAccordingTo(Clause& phrase) {
    if (phrase.predicate != "accord" || t_.Child(phrase.head, DepRel::kFixed) < 0) return false;
    Clause* target = Mutable(phrase.governor);
    int source = -1;
    for (const Argument& a : phrase.args) {
      if (!a.inherited && (a.role == ArgRole::kObject || a.role == ArgRole::kOblique)) {
        source = a.token;
        break;
      }
    }
    if (target != nullptr && source < 0) source = SourceMisattached(phrase.head, target);
    if (target == nullptr || source < 0) return false;
    phrase.saying_only = true;
    target->reported = true;
    target->source_token = Issuer(source);
    target->reporting_cue = "according to";
    return true;
  }

  // "According to X, S" with X hung on S's verb (as its subject, say): the
  // head of the words between "to" and the comma, taken out of S.
  int SourceMisattached(int according, Clause* target) {
    const int to = t_.Child(according, DepRel::kFixed);
    if (to < 0) return -1;
    int end = to + 1;
    while (end < t_.size() && t_.word(end).form != "," && end - to <= 8) ++end;
    if (end >= t_.size() || t_.word(end).form != ",") return -1;
    const int source = SpanHead(to + 1, end);
    if (source < 0) return -1;
    auto& args = target->args;
    args.erase(std::remove_if(args.begin(), args.end(),
                              [source](const Argument& a) { return a.token == source; }),
               args.end());
    return source;
  }

  // "X said (that) S", a quote before its speaker as a dependent, or a
  // that-clause the parser hung lower ("said on Monday that S").
  Clause* SpokenContent(const Clause& saying) {
    for (int c : t_.children(saying.head)) {
      const DepRel r = t_.rel(c);
      if (ConditionAfterInsertedSaying(saying, c)) continue;
      if (r == DepRel::kCcomp || (r == DepRel::kParataxis && c < saying.head)) {
        if (Clause* content = Mutable(c)) return content;
        // A complement the parser made nominal: the clause inside it.
        for (Clause& other : clauses_) {
          if (other.governor == saying.head && &other != &saying && Dominates(c, other.head)) {
            return &other;
          }
        }
      }
    }
    for (int c : t_.children(saying.head)) {
      if (OwnXcomp(c)) return Mutable(c);
    }
    // "S, he added" parsed with the saying as the root and S as its
    // adverbial (or anything else but an argument): S has its own subject
    // and no subordinator ("Speaking to reporters, he said" and "After S,
    // he said" are no content).
    for (int c : t_.children(saying.head)) {
      const DepRel r = t_.rel(c);
      if (c > saying.head || r == DepRel::kNsubj || r == DepRel::kNsubjPass ||
          r == DepRel::kObj || r == DepRel::kCsubj) {
        continue;
      }
      if (Subordinated(c) || !CommaBetween(c, saying.head)) continue;
      if (t_.Child(c, DepRel::kNsubj) < 0 && t_.Child(c, DepRel::kNsubjPass) < 0) continue;
      if (Clause* content = Mutable(c)) return content;
    }
    return FirstClauseBelow(saying, [&](const Clause& other) {
      // "accused the union of refusing to negotiate".
      const int own_mark = t_.Child(clause_head_of(other.head), DepRel::kMark);
      // A saying itself reported ("reportedly accused ... of") is the news.
      return (own_mark >= 0 && t_.lower(own_mark) == "of" && IsSpeech(saying) &&
              !saying.reported) ||
             OpensWithThat(other);
    });
  }

  // "S, the company said, if S2": a saying set off by commas after S
  // reports S, and the condition after it is S's, not what was said.
  bool ConditionAfterInsertedSaying(const Clause& saying, int c) const {
    const int mark = t_.Child(c, DepRel::kMark);
    if (c < saying.head || mark < 0 || (t_.lower(mark) != "if" && t_.lower(mark) != "unless")) {
      return false;
    }
    const int head = clause_head_of(saying.head);
    const int up = t_.word(head).head;
    return up >= 0 && up < head && CommaBetween(up, head) && CommaBetween(saying.head, c);
  }

  // The first clause after `verb` that belongs to `verb`'s clause and
  // `fits`, or nullptr.
  template <typename Fits>
  Clause* FirstClauseBelow(const Clause& verb, Fits fits) {
    for (Clause& other : clauses_) {
      if (other.governor == verb.head && &other != &verb && other.head > verb.head &&
          fits(other)) {
        return &other;
      }
    }
    return nullptr;
  }

  bool OpensWithThat(const Clause& c) const {
    const int mark = t_.Child(c.head, DepRel::kMark);
    return (mark >= 0 && t_.lower(mark) == "that") ||
           (!c.words.empty() && t_.lower(c.words.front()) == "that");
  }

  bool Dominates(int top, int word) const {
    for (int guard = 0; word >= 0 && guard < t_.size(); ++guard) {
      if (word == top) return true;
      word = t_.word(word).head;
    }
    return false;
  }

  // Whether the noun after "according to" is a source: "according to the
  // law" or "to plan" says how something is done, not who says so.
  bool AccordingToSource(int noun) const { return !lex_.IsNormNoun(t_.lemma(noun)); }

  // "..., according to Reuters" hung on a word that heads no clause: the
  // clause above it is reported, with that source.
  void FindLooseAccordingTo() {
    for (int i = 0; i + 1 < t_.size(); ++i) {
      if (t_.lower(i) != "according" || t_.lower(i + 1) != "to") continue;
      int source = t_.word(i).head;
      if (t_.rel(i) != DepRel::kCase || source < 0 || !AccordingToSource(source)) continue;
      if (t_.word(source).head < 0) {
        ReportedAfterRootSource(source);
        continue;
      }
      Clause* target = EnclosingClause(t_.word(source).head);
      if (target == nullptr || target->reported) continue;
      target->reported = true;
      target->source_token = Issuer(source);
      target->reporting_cue = "according to";
      ReportMainClauseToo(*target, source);
    }
  }

  // "According to the authority's chairman, Osama Rabie, winds had pushed
  // the ship aground" parsed with the source as the sentence's root: the
  // source's own verbless clause says nothing, and the first clause after
  // it is what the source reports.
  void ReportedAfterRootSource(int source) {
    Clause* own = Mutable(source);
    if (own != nullptr && !own->verbless) return;
    Clause* target = nullptr;
    for (Clause& c : clauses_) {
      if (c.head > source && !c.verbless && (target == nullptr || c.head < target->head)) {
        target = &c;
      }
    }
    if (target == nullptr || target->reported) return;
    if (own != nullptr) own->saying_only = true;
    target->reported = true;
    target->source_token = Issuer(source);
    target->reporting_cue = "according to";
  }

  // The clause `word` heads, or the nearest one above it; nullptr if none.
  Clause* EnclosingClause(int word) {
    for (int guard = 0; word >= 0 && guard < t_.size(); ++guard) {
      if (Clause* c = Mutable(word)) return c;
      word = t_.word(word).head;
    }
    return nullptr;
  }

  // Whether `head` has a subordinating word ("if", "because", "that"). A
  // preposition the parser took for one ("Up | to 800,000 asylum seekers
  // could arrive") is not.
  bool Subordinated(int head) const {
    // English subordinating conjunctions: a closed class.
    static constexpr absl::string_view kSubordinators[] = {
        "after", "although", "as", "because", "before", "if", "lest", "once",
        "since", "so", "than", "that", "though", "till", "unless", "until",
        "when", "whenever", "where", "whereas", "whether", "while", "whilst"};
    for (int k : t_.children(head)) {
      if (t_.rel(k) != DepRel::kMark) continue;
      if (t_.word(k).upos == syntax::Upos::kSconj ||
          std::find(std::begin(kSubordinators), std::end(kSubordinators), t_.lower(k)) !=
              std::end(kSubordinators)) {
        return true;
      }
    }
    return false;
  }

  // "S, X said": the saying hangs off the content's head (as parataxis, a
  // complement, an unmarked adverbial or, misparsed, a conjunct). Without
  // a subject of its own, the phrase just before the verb is the speaker.
  // `lower` receives the clauses below the content it reports too (see
  // MainClauseOf).
  Clause* PrecedingContent(Clause* saying, std::vector<Clause*>* lower) {
    const int head = clause_head_of(saying->head);
    const DepRel r = t_.rel(head);
    const int up = t_.word(head).head;
    if (up < 0 || up > head) return nullptr;
    // "..., said the secretary-general, urging both sides to ...": a
    // present participle without a subject of its own is an adjunct of
    // the clause it hangs from, no inverted saying of it.
    if (t_.word(head).xpos == "VBG" && OwnSubject(*saying) < 0) return nullptr;
    // Nor is an infinitive ("..., to report only half of his pay"), which
    // says what the clause is for.
    if (const int to = t_.Child(head, DepRel::kMark); to >= 0 && t_.lower(to) == "to") {
      return nullptr;
    }
    // "..., soldiers close to X, who blamed the president for ...": a
    // saying whose subject is a relative pronoun is a relative clause,
    // whatever the parser hung it from.
    if (const int subject = t_.Child(head, DepRel::kNsubj);
        subject >= 0 && t_.IsRelativePronoun(subject)) {
      return nullptr;
    }
    const bool unmarked = !Subordinated(head);
    // A relative label with no relative word is the parser's mistake for
    // "..., the ministry said" ("..., which the ministry said" has one).
    const bool relative = (r == DepRel::kAdvclRelcl || r == DepRel::kAclRelcl) &&
                          !HasRelativeWord(head);
    // A conjunct with its conjunction ("..., but she will ask for ...") is
    // a coordinated clause of its own.
    const bool coordinated = r == DepRel::kConj && t_.Child(head, DepRel::kCc) >= 0;
    const bool linked = r == DepRel::kParataxis || r == DepRel::kCcomp || relative ||
                        ((r == DepRel::kAdvcl || r == DepRel::kConj) && unmarked && !coordinated);
    // "S," a doctor at the hospital told Reuters: the saying misparsed as
    // a finite clause of the speaker's noun, which hangs off S.
    if (r == DepRel::kAcl && unmarked && OwnSubject(*saying) < 0 &&
        absl::StartsWith(t_.word(head).xpos, "VB") && t_.word(head).xpos != "VBG" &&
        t_.word(head).xpos != "VBN" && PhraseBefore(head) == up && CommaBetween(0, up)) {
      PutSubjectFirst(up, false, up, up, saying);
      return EnclosingClause(up);
    }
    if (!linked || !CommaBetween(up, head)) return nullptr;
    if (OwnSubject(*saying) < 0) {
      int speaker = PhraseBefore(head);
      if (speaker < 0) speaker = SpeakerAfter(*saying);
      if (speaker < 0) return nullptr;
      PutSubjectFirst(speaker, false, speaker, speaker, saying);
    }
    // Misparsed as a relative clause, the saying hangs off a noun of S.
    if (relative) return EnclosingClause(up);
    return MainClauseOf(Mutable(up), saying->head, lower);
  }

  // "S because S2, he warned", "S1, which S2, the ministry said": the
  // saying at the end reports the sentence, so a subordinate or relative
  // clause it hangs from hands the report up to the clause it belongs to
  // (and is reported with it, see SpreadReport).
  Clause* MainClauseOf(Clause* content, int saying, std::vector<Clause*>* lower) {
    for (int guard = 0; content != nullptr && guard < 8; ++guard) {
      const DepRel r = content->relation;
      const bool subordinate = r == DepRel::kAdvcl && Subordinated(content->head);
      const bool relative = r == DepRel::kAclRelcl || r == DepRel::kAdvclRelcl;
      if (!subordinate && !relative) break;
      Clause* up = relative ? EnclosingClause(t_.word(content->head).head) : Mutable(content->governor);
      if (up == nullptr || up->head > content->head || up->head > saying || up->reported ||
          up->saying_only) {
        break;
      }
      lower->push_back(content);
      content = up;
    }
    return content;
  }

  // "S, said a FIFA spokesman": in an inverted saying right after the
  // comma or quote, the speaker follows the verb (the parser often makes
  // it the object). Its first nominal dependent after it, or -1.
  int SpeakerAfter(const Clause& saying) const {
    const int verb = saying.head;
    if (verb == 0 || (t_.word(verb - 1).form != "," && !t_.IsQuote(verb - 1))) return -1;
    for (int c : t_.children(verb)) {
      const DepRel r = t_.rel(c);
      if (c > verb && (r == DepRel::kObj || r == DepRel::kNsubj || r == DepRel::kIobj)) return c;
    }
    return -1;
  }

  bool HasRelativeWord(int head) const {
    for (int c : t_.children(head)) {
      if (t_.word(c).xpos.rfind("W", 0) == 0 || t_.lower(c) == "that") return true;
    }
    return false;
  }

  bool CommaBetween(int a, int b) const {
    for (int i = a + 1; i < b; ++i) {
      if (t_.word(i).form == "," || t_.IsQuote(i)) return true;
    }
    return false;
  }

  // The clause's own subject. A clause has one; when the parser gives it
  // several ("Polish | President Andrzej Duda said", both nsubj), the one
  // nearest before the verb heads the phrase, the others modify it.
  int OwnSubject(const Clause& c) const {
    int best = -1;
    for (const Argument& a : c.args) {
      if (a.role != ArgRole::kSubject || a.inherited) continue;
      if (best < 0 || (a.token < c.head && a.token > best)) best = a.token;
    }
    return best;
  }

  // The head of the words between the last comma before `verb` and it
  // ("..., Chancellor Olaf Scholz told"): the one whose head lies outside.
  int PhraseBefore(int verb) const {
    auto phrase_start = [&](int end) {
      int start = end;
      while (start > 0 && t_.word(start - 1).form != "," && !t_.IsQuote(start - 1)) --start;
      return start;
    };
    int end = verb;
    // "..., the planning minister, Bambang Brodjonegoro, said": the
    // phrase before a name in apposition.
    if (end > 0 && t_.word(end - 1).form == ",") {
      const int apposition = phrase_start(end - 1);
      if (apposition < 2 || apposition == end - 1 || end - 1 - apposition > 5 ||
          t_.word(apposition - 1).form != ",") {
        return -1;
      }
      end = apposition - 1;
    }
    const int start = phrase_start(end);
    if (start == end || end - start > 8) return -1;
    // A phrase the parser split ("Ethiopian Airlines | chief executive
    // Tewolde GebreMariam told") is headed by its last part, as an English
    // noun phrase is, unless that part is a prepositional object ("two
    // people familiar with | the operation").
    int head = -1;
    for (int i = start; i < end; ++i) {
      const int h = t_.word(i).head;
      if ((h < start || h >= end) && (head < 0 || t_.Child(i, DepRel::kCase) < 0)) head = i;
    }
    return head;
  }

  // The first word of [start, end) whose head lies outside it, or -1.
  int SpanHead(int start, int end) const {
    for (int i = start; i < end; ++i) {
      const int h = t_.word(i).head;
      if (h < start || h >= end) return i;
    }
    return -1;
  }

  void MarkReported(Clause& saying, Clause* content) {
    int source = OwnSubject(saying);
    for (const Argument& a : saying.args) {
      if (source < 0 && a.role == ArgRole::kSubject) source = a.token;
    }
    // "S, the planning minister, Bambang Brodjonegoro, said" with the
    // speaker parsed into S: the phrase just before the verb. So too when
    // the subject has a preposition, which no subject has ("..., two
    // people familiar with | the operation told Reuters").
    if (content->head < saying.head &&
        (source < 0 || t_.Child(source, DepRel::kCase) >= 0)) {
      const int before = PhraseBefore(saying.head);
      if (before >= 0) source = before;
    }
    if (saying.modality == claims::v1::NEGATED) {
      // "did not say that S": S is neither asserted nor reported.
      content->saying_only = true;
      return;
    }
    if (ConditionalSaying(saying, content)) return;
    saying.saying_only = true;
    content->reported = true;
    content->reporting_verb = saying.head;
    content->source_token = source;
    if (source >= 0 && source == OwnSubject(saying) && saying.subject_first >= 0) {
      content->source_first = saying.subject_first;
      content->source_last = saying.subject_last;
    }
    content->reporting_cue = t_.lower(saying.head);
    EmbeddedModality(saying, content);
  }

  // "If the minister says that S, ...", "If investigators found that S":
  // nobody has said or found S; S is as hypothetical as the saying, which
  // makes no claim of its own. True when the saying is such a condition.
  bool ConditionalSaying(Clause& saying, Clause* content) const {
    if (saying.modality != claims::v1::HYPOTHETICAL ||
        (saying.modality_cue != "if" && saying.modality_cue != "unless")) {
      return false;
    }
    saying.saying_only = true;
    content->modality = claims::v1::HYPOTHETICAL;
    content->modality_cue = saying.modality_cue;
    return true;
  }

  // A verb of saying that hedges what it reports ("warned", "suggested").
  void EmbeddedModality(const Clause& saying, Clause* content) const {
    auto embedded = lex_.ModalityCue(Cue::kEmbedding, saying.predicate);
    if (embedded && Rank(*embedded) < Rank(content->modality)) {
      content->modality = *embedded;
      content->modality_cue = saying.predicate;
    }
  }

  // A report covers the whole coordination it frames: "X said S1 and S2",
  // "S1 and S2, X said", "According to X, S1 and S2", whichever conjunct
  // the parser hung the frame on. The coordination is a clause and its
  // conj clauses; the frame (the saying, or the source of "according to")
  // must come before all of their heads or after all of them.
  void SpreadOverCoordination() {
    auto conj = [this](const Clause& c) {
      return t_.rel(clause_head_of(c.head)) == DepRel::kConj;
    };
    for (size_t k = 0; k < clauses_.size(); ++k) {
      if (!clauses_[k].reported) continue;
      // Only other, unreported clauses change below: `from` stays as it is.
      const Clause& from = clauses_[k];
      Clause* first = &clauses_[k];
      if (conj(from)) {
        if (Clause* g = Mutable(from.governor); g != nullptr && !g->saying_only) first = g;
      }
      // Conjuncts of conjuncts too: the parser may chain a list ("seized
      // the airport, burned two hangars and fled", "fled" under "burned").
      std::vector<Clause*> group = {first};
      for (size_t g = 0; g < group.size(); ++g) {
        for (Clause& other : clauses_) {
          if (other.governor == group[g]->head && conj(other) && !other.saying_only &&
              std::find(group.begin(), group.end(), &other) == group.end()) {
            group.push_back(&other);
          }
        }
      }
      const int frame = from.reporting_verb >= 0 ? from.reporting_verb : from.source_token;
      if (frame < 0 || group.size() < 2) continue;
      const bool before = std::all_of(group.begin(), group.end(),
                                      [&](const Clause* c) { return frame < c->head; });
      const bool after = std::all_of(group.begin(), group.end(),
                                     [&](const Clause* c) { return frame > c->head; });
      if (!before && !after) continue;
      const Clause* saying = from.reporting_verb >= 0 ? Mutable(from.reporting_verb) : nullptr;
      for (Clause* c : group) {
        if (c->reported || c->head == frame) continue;
        SpreadReport(from, c);
        if (saying != nullptr) EmbeddedModality(*saying, c);
      }
    }
  }

  // What a report frames includes its adverbial and relative clauses:
  // "Witnesses said the gunmen opened fire, killing seven people" reports
  // the killing too, and "after a battle that lasted six hours" the
  // battle's length. Clauses are in pre-order, so a report reaches down a
  // chain of them.
  void SpreadIntoSubordinates() {
    for (Clause& c : clauses_) {
      if (c.reported || c.saying_only) continue;
      const DepRel r = t_.rel(clause_head_of(c.head));
      if (r != DepRel::kAdvcl && r != DepRel::kAcl && r != DepRel::kAclRelcl) continue;
      const Clause* g = Mutable(c.governor);
      if (g == nullptr || !g->reported) continue;
      // Not one that describes the source ("according to a survey
      // published in February").
      if (g->source_token >= 0 && Dominates(g->source_token, c.head)) continue;
      SpreadReport(*g, &c);
      c.within_report = true;
    }
  }

  // A clause between a pair of quotation marks is a direct quote.
  void FindQuote(Clause* c) const {
    int open = -1;
    for (int i = 0; i < t_.size(); ++i) {
      if (!t_.IsQuote(i)) continue;
      if (open < 0) {
        open = i;
        continue;
      }
      if (open < c->head && c->head < i) {
        c->quote_first = open + 1;
        c->quote_last = i - 1;
        // A trailing comma inside the quote is punctuation, not words.
        while (c->quote_last > c->quote_first &&
               t_.word(c->quote_last).upos == Upos::kPunct) {
          --c->quote_last;
        }
        return;
      }
      open = -1;
    }
  }

  const Tree& t_;
  const Lexicon& lex_;
  const int first_word_;
  std::vector<Clause> clauses_;
  std::vector<int> clause_of_;  // word -> index of the clause it heads
};

}  // namespace

DependencyTree::DependencyTree(const syntax::SyntaxSentence& words)
    : w_(words), children_(words.size()) {
  const int n = size();
  for (int i = 0; i < n; ++i) {
    const int h = words[static_cast<size_t>(i)].head;
    if (h >= 0 && h < n && h != i) children_[static_cast<size_t>(h)].push_back(i);
  }
}

std::string DependencyTree::lemma(int i) const { return absl::AsciiStrToLower(word(i).lemma); }
std::string DependencyTree::lower(int i) const { return absl::AsciiStrToLower(word(i).form); }

int DependencyTree::Child(int i, DepRel r) const {
  for (int c : children(i)) {
    if (rel(c) == r) return c;
  }
  return -1;
}

std::string DependencyTree::CaseOf(int i) const {
  for (int c : children(i)) {
    if (rel(c) == DepRel::kCase) return lower(c);
  }
  return "";
}

bool DependencyTree::IsQuote(int i) const { return syntax::IsQuotationMark(word(i).form); }

bool DependencyTree::IsRelativePronoun(int i) const {
  const std::string& x = word(i).xpos;
  return x == "WP" || x == "WDT" || (x == "IN" && lower(i) == "that");
}

std::vector<int> DependencyTree::PhraseWords(int head) const {
  return Below(head, [this](int k) {
    // A conjoined predicate is a clause too ("welcomed by rights groups
    // but condemned by Hungary", with "condemned" parsed as a conjunct of
    // "groups").
    return !IsClausalRel(rel(k)) && rel(k) != DepRel::kPunct &&
           !(rel(k) == DepRel::kConj && IsClauseHead(*this, k));
  });
}

bool DependencyTree::SetOffByComma(int head) const {
  for (int w : SubtreeWords(head)) {
    if (rel(w) == DepRel::kPunct) continue;
    return w > 0 && word(w - 1).form == ",";
  }
  return false;
}

std::vector<int> DependencyTree::SubtreeWords(int head) const {
  return Below(head, [](int) { return true; });
}

std::vector<int> DependencyTree::Below(int head, const std::function<bool(int)>& take) const {
  std::vector<int> out;
  if (head < 0 || head >= size()) return out;
  std::vector<int> stack = {head};
  while (!stack.empty() && out.size() <= w_.size()) {
    const int i = stack.back();
    stack.pop_back();
    out.push_back(i);
    for (int k : children(i)) {
      if (take(k)) stack.push_back(k);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Clause> ClauseAnalyzer::Analyze(const DependencyTree& tree, int first_word) const {
  if (tree.size() == 0) return {};
  return Builder(tree, lex_, std::max(0, first_word)).Run();
}

}  // namespace claims
