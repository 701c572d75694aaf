#include "common/extract/claim_builder.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/extract/dates.h"
#include "common/extract/quantity.h"

namespace claims {
namespace {

using claims::v1::Claim;
using text::Token;

claims::v1::ActorRef Ref(const ArticleActor& a, std::string role = "") {
  claims::v1::ActorRef r;
  r.set_id(a.id);
  r.set_name(a.name);
  r.set_type(a.type);
  if (!role.empty()) r.set_role(std::move(role));
  return r;
}

bool HasRef(const google::protobuf::RepeatedPtrField<claims::v1::ActorRef>& refs,
            const std::string& id) {
  for (const auto& r : refs) {
    if (r.id() == id) return true;
  }
  return false;
}

void AddEvidence(Claim* c, std::string field, std::string cue) {
  auto* e = c->add_evidence();
  e->set_field(std::move(field));
  e->set_cue(std::move(cue));
}

bool IsPersonalPronoun(absl::string_view lower) {
  return lower == "he" || lower == "she" || lower == "him" || lower == "her" ||
         lower == "his";
}

// A pronoun that, as the subject (or its possessor) of reported content,
// usually means the speaker: "Nippon Steel said it would honour ...",
// "Airbus said its profit rose", "The union said they ...", "I will not".
bool IsSpeakerPronoun(absl::string_view lower, bool person) {
  if (person) return lower == "i" || lower == "my";
  return lower == "it" || lower == "its" || lower == "they" || lower == "their" ||
         lower == "we" || lower == "our";
}

// Where an actor of a clause goes, by its argument role.
enum class Slot { kSubject, kObject, kParticipant };

// The claims of one sentence: the clause analysis mapped onto the
// sentence's mentions.
class SentenceClaims {
 public:
  SentenceClaims(absl::string_view body, const SentenceContext& ctx, const DependencyTree& tree,
                 const std::vector<ArticleActor>& actors, const Lexicon& lex,
                 const syntax::WordClasses* classes)
      : body_(body), ctx_(ctx), s_(*ctx.sentence), t_(s_.tokens), tree_(tree), actors_(actors),
        lex_(lex), classes_(classes),
        covering_(t_.size()) {
    for (size_t m = 0; m < ctx.mentions.size(); ++m) {
      const FoundMention* fm = ctx.mentions[m];
      for (int k = fm->first_token; k < fm->last_token && k < static_cast<int>(t_.size()); ++k) {
        covering_[static_cast<size_t>(k)].push_back(static_cast<int>(m));
      }
    }
    dateline_end_ = text::DatelineLength(t_);
  }

  int dateline_end() const { return dateline_end_; }

  // The claim of one clause, or nothing when it says nothing about an
  // actor or a time.
  std::optional<Claim> FromClause(const Clause& clause, const Clause* saying,
                                  const std::vector<FoundQuantity>& quantities) {
    Claim c;
    used_.clear();
    AddArguments(clause, &c);
    if (clause.verbless) AddLeftovers(clause.words, Slot::kSubject, &c);
    AddLeftovers(clause.words, Slot::kParticipant, &c);
    if (saying != nullptr) AddLeftovers(saying->words, Slot::kParticipant, &c);
    SetModality(clause, &c);
    const Timex* when = EventTime(clause);
    const bool own_actor = c.subjects_size() + c.objects_size() + c.participants_size() > 0;
    const bool has_actor = own_actor || c.has_modality_source();
    // Reported content is kept when it is attributed, the source linked or
    // not ("The rains will continue, the meteorological department warned");
    // a clause within it only on its own merits.
    const bool attributed = Attributed(clause, c);
    if (!has_actor && when == nullptr && !attributed && !ctx_.quoted) return std::nullopt;
    if (clause.within_report && !own_actor && when == nullptr) return std::nullopt;
    if (!has_actor && s_.section == claims::v1::SECTION_HEADING) return std::nullopt;
    // Verbless caption lines are photo credits, unless they date a scene
    // ("Olaf Scholz talks to Emmanuel Macron ... on March 15, 2024", with
    // "talks" read as a noun).
    if (clause.verbless && s_.section == claims::v1::SECTION_CAPTION && ctx_.timexes.empty()) {
      return std::nullopt;
    }
    SetQuantities(clause, quantities, &c);
    SetArgumentTexts(clause, &c);
    SetPredicateAndType(clause, &c);
    if (when != nullptr) SetTime(*when, &c);
    SetQuote(clause, &c);
    c.set_confidence(Confidence(clause, c));
    c.set_text(std::string(body_.substr(s_.start, s_.end - s_.start)));
    c.set_start(static_cast<uint32_t>(s_.start));
    c.set_end(static_cast<uint32_t>(s_.end));
    c.set_section(s_.section);
    return c;
  }

 private:
  // Mentions that qualify another word rather than name an actor of the
  // claim: "Israeli" in "Israeli Prime Minister X", "American hostage".
  bool Qualifier(const FoundMention& m) const {
    if (m.modifier) return true;
    return m.kb_kind == AliasKind::kDemonym && m.last_token < static_cast<int>(t_.size()) &&
           lex_.IsNationalityNoun(t_[static_cast<size_t>(m.last_token)].lower);
  }

  // Mentions of the phrase headed by `head`: the one covering the head and
  // the heads of its conjuncts ("Israel and Hamas"), else the ones in its
  // core (possessors, compounds, modifiers: "Mr Trump's diplomacy", "the
  // US-Israeli alignment"). `outer` gets the mentions further in, behind
  // a preposition ("negotiations with Iran"): participants, not the
  // phrase's referent.
  std::vector<int> PhraseMentions(int head, std::vector<int>* outer = nullptr) const {
    std::vector<int> out;
    auto add = [&](int word, std::vector<int>* into) {
      if (word < dateline_end_) return;
      for (int m : covering_[static_cast<size_t>(word)]) {
        if (std::find(out.begin(), out.end(), m) == out.end() &&
            (outer == nullptr || std::find(outer->begin(), outer->end(), m) == outer->end()) &&
            !Qualifier(*ctx_.mentions[static_cast<size_t>(m)])) {
          into->push_back(m);
        }
      }
    };
    if (!covering_[static_cast<size_t>(head)].empty()) {
      add(head, &out);
      for (int k : tree_.children(head)) {
        if (tree_.rel(k) == syntax::DepRel::kConj) add(k, &out);
      }
      if (!out.empty()) return out;
    }
    std::vector<int> core = CoreWords(head);
    const std::vector<int> phrase = tree_.PhraseWords(head);
    for (int word : phrase) {
      if (std::binary_search(core.begin(), core.end(), word)) add(word, &out);
    }
    std::vector<int> rest;
    for (int word : phrase) {
      if (!std::binary_search(core.begin(), core.end(), word)) add(word, &rest);
    }
    if (outer != nullptr) {
      outer->insert(outer->end(), rest.begin(), rest.end());
    } else {
      out.insert(out.end(), rest.begin(), rest.end());
    }
    return out;
  }

  // Whether `mention` is the possessor of `head` ("His" of "His rival").
  bool IsPossessorOf(int mention, int head) const {
    if (CoversHead(mention, head)) return false;
    for (int k : tree_.children(head)) {
      if (tree_.rel(k) == syntax::DepRel::kNmodPoss && CoversHead(mention, k)) return true;
    }
    return false;
  }

  bool CoversHead(int mention, int head) const {
    const auto& at = covering_[static_cast<size_t>(head)];
    return std::find(at.begin(), at.end(), mention) != at.end();
  }

  bool OfGenitive(int word) const { return tree_.CaseOf(word) == "of"; }

  // The head and the words linked to it without a preposition other than
  // the genitive "of".
  std::vector<int> CoreWords(int head) const {
    std::vector<int> out = {head};
    for (size_t i = 0; i < out.size() && out.size() <= s_.words.size(); ++i) {
      for (int k : tree_.children(out[i])) {
        switch (tree_.rel(k)) {
          case syntax::DepRel::kCompound: case syntax::DepRel::kFlat:
          case syntax::DepRel::kAmod: case syntax::DepRel::kNmodPoss:
          case syntax::DepRel::kAppos: case syntax::DepRel::kConj:
          case syntax::DepRel::kNmodDesc: case syntax::DepRel::kNummod:
            out.push_back(k);
            break;
          case syntax::DepRel::kNmod:
            // The of-genitive is the possessive's twin ("the fraying of
            // the US-Israel alliance").
            if (OfGenitive(k)) out.push_back(k);
            break;
          default:
            break;
        }
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // The person a personal pronoun refers to, when no mention covers it:
  // the person named last before it.
  int PronounActor(int word) const {
    if (!IsPersonalPronoun(t_[static_cast<size_t>(word)].lower)) return -1;
    int person = ctx_.last_person;
    for (const FoundMention* m : ctx_.mentions) {
      if (m->first_token < word && m->actor >= 0 &&
          actors_[static_cast<size_t>(m->actor)].type == claims::v1::PERSON) {
        person = m->actor;
      }
    }
    return person;
  }

  // The preposition governing the phrase `word` is in ("in" for "in the
  // White House"), or "".
  std::string PrepositionOf(int word) const {
    for (int depth = 0; depth < 3 && word >= 0; ++depth) {
      std::string p = tree_.CaseOf(word);
      if (!p.empty()) return p;
      const auto rel = tree_.rel(word);
      if (rel != syntax::DepRel::kFlat && rel != syntax::DepRel::kCompound) break;
      word = tree_.word(word).head;
    }
    return "";
  }

  bool IsPlace(const FoundMention& m, const std::string& preposition) const {
    const ArticleActor& a = actors_[static_cast<size_t>(m.actor)];
    if (a.type == claims::v1::LOCATION && a.kind != "country") return true;
    // A country named as where things happen ("positions in northern
    // Syria", "In Brazil, the court ordered ...") is the place, not its
    // state.
    if (a.kind == "country" && m.kb_kind != AliasKind::kDemonym &&
        (preposition == "in" || preposition == "inside" || preposition == "throughout" ||
         preposition == "across")) {
      return true;
    }
    // A capital after "in"/"at" is the city, not its government; so is
    // one gone across or around ("marched across Santiago"). Not one gone
    // through: "brokered through Doha" is Qatar's government.
    return m.kb_kind == AliasKind::kCapital &&
           (preposition == "in" || preposition == "at" || preposition == "near" ||
            preposition == "from" || preposition == "across" || preposition == "around");
  }

  void Place(int actor, Slot slot, const std::string& role, const std::string& evidence,
             Claim* c) {
    // The speaker of reported speech is its source, and a subject of what
    // they say only when the content says so ("Scholz said he would ...").
    if (actor < 0 || (actor == source_actor_ && slot != Slot::kSubject)) return;
    if (!used_.insert(actor).second) return;
    const ArticleActor& a = actors_[static_cast<size_t>(actor)];
    const std::string cue = absl::StrCat(evidence, ":", a.id);
    switch (slot) {
      case Slot::kSubject:
        *c->add_subjects() = Ref(a);
        AddEvidence(c, "subjects", cue);
        break;
      case Slot::kObject:
        *c->add_objects() = Ref(a);
        AddEvidence(c, "objects", cue);
        break;
      case Slot::kParticipant:
        *c->add_participants() = Ref(a, role);
        AddEvidence(c, "participants", cue);
        break;
    }
  }

  // Places the actors of one argument phrase; true when one was placed.
  bool AddArgument(const Argument& arg, Claim* c) {
    if (arg.token < dateline_end_) return false;
    Slot slot = arg.role == ArgRole::kSubject ? Slot::kSubject : Slot::kObject;
    std::string role;
    if (arg.role == ArgRole::kOblique) {
      if (arg.preposition == "through" || arg.preposition == "via") {
        slot = Slot::kParticipant, role = "intermediary";
      } else if (arg.preposition == "for") {
        slot = Slot::kParticipant, role = "beneficiary";
      }
    }
    const std::string how = arg.inherited ? "shared" : arg.patient ? "patient" : "parse";
    std::vector<int> outer;
    std::vector<int> mentions = PhraseMentions(arg.token, &outer);
    if (arg.role == ArgRole::kSubject && mentions.empty()) PromoteHolder(&outer, &mentions);
    if (arg.role == ArgRole::kSubject && mentions.empty() && SpeakerPronoun(arg.token)) {
      Place(source_actor_, Slot::kSubject, role,
            "speaker:" + std::string(t_[static_cast<size_t>(arg.token)].text), c);
      return true;
    }
    if (mentions.empty() && outer.empty()) {
      // "he", or the possessor of the phrase ("his allies").
      int person = PronounActor(arg.token);
      for (int w : CoreWords(arg.token)) {
        if (person < 0 && s_.words[static_cast<size_t>(w)].rel == syntax::DepRel::kNmodPoss) {
          person = PronounActor(w);
        }
      }
      if (person < 0) return false;
      Place(person, slot, role, "pronoun:" + std::string(t_[static_cast<size_t>(arg.token)].text), c);
      return true;
    }
    bool placed = false;
    for (int m : mentions) {
      const FoundMention& fm = *ctx_.mentions[static_cast<size_t>(m)];
      if (fm.actor < 0) continue;
      // A place is where things happen, unless it heads a subject phrase
      // ("Gaza" does not, "Middle East diplomacy" is not a region acting).
      const bool modifier = !CoversHead(m, arg.token);
      if ((arg.role != ArgRole::kSubject || modifier) && IsPlace(fm, arg.preposition)) {
        Place(fm.actor, Slot::kParticipant, "location", fm.evidence, c);
      } else {
        Place(fm.actor, slot, role, absl::StrCat(how, ":", fm.evidence), c);
        placed = true;
      }
    }
    // Names further in ("negotiations with Iran") take part, as objects.
    for (int m : outer) {
      const FoundMention& fm = *ctx_.mentions[static_cast<size_t>(m)];
      if (fm.actor < 0) continue;
      const bool place = IsPlace(fm, PrepositionOf(fm.first_token));
      Place(fm.actor, place ? Slot::kParticipant : Slot::kObject, place ? "location" : "",
            absl::StrCat("in-phrase:", fm.evidence), c);
    }
    return placed;
  }

  // A subject phrase whose head and core name no actor is about the first
  // actor further in that is no place: "criticism within Israel", "figures
  // within Mr Trump's camp", "Engineers at the Jet Propulsion Laboratory
  // cheered". A place stays where things happen ("Measles cases in England
  // have risen", "The death toll in Turkey has passed 11,000"): England
  // did not rise.
  void PromoteHolder(std::vector<int>* outer, std::vector<int>* mentions) const {
    for (auto it = outer->begin(); it != outer->end(); ++it) {
      const FoundMention& fm = *ctx_.mentions[static_cast<size_t>(*it)];
      if (fm.actor < 0 || IsPlace(fm, PrepositionOf(fm.first_token))) continue;
      mentions->push_back(*it);
      outer->erase(it);
      return;
    }
  }

  // True when the subject phrase at `word` is, or is possessed by, a
  // pronoun that means the source of the reported content it is in.
  bool SpeakerPronoun(int word) const {
    if (source_actor_ < 0) return false;
    const bool person = actors_[static_cast<size_t>(source_actor_)].type == claims::v1::PERSON;
    if (IsSpeakerPronoun(t_[static_cast<size_t>(word)].lower, person)) return true;
    for (int k : tree_.children(word)) {
      if (tree_.rel(k) == syntax::DepRel::kNmodPoss &&
          IsSpeakerPronoun(t_[static_cast<size_t>(k)].lower, person)) {
        return true;
      }
    }
    return false;
  }

  void AddArguments(const Clause& clause, Claim* c) {
    // Subjects first, so a name that is both stays a subject; without an
    // agent that names an actor, a passive's patient is what the claim is
    // about ("Traditional pro-Israel figures ... have been sidelined").
    source_actor_ = -1;
    direct_subject_ = false;
    if (clause.reported && clause.source_token >= 0) AddSource(clause, c);
    bool subject = false;
    for (const Argument& arg : clause.args) {
      if (arg.role != ArgRole::kSubject) continue;
      const bool placed = AddArgument(arg, c);
      subject |= placed;
      direct_subject_ |= placed && !arg.inherited;
    }
    for (const Argument& arg : clause.args) {
      if (arg.role != ArgRole::kObject) continue;
      Argument a = arg;
      if (a.patient && !subject) a.role = ArgRole::kSubject;
      AddArgument(a, c);
    }
    for (const Argument& arg : clause.args) {
      if (arg.role == ArgRole::kOblique) AddArgument(arg, c);
    }
  }

  void AddSource(const Clause& clause, Claim* c) {
    std::vector<int> mentions = PhraseMentions(clause.source_token);
    // "His Communist challenger told ...": the possessor is not the speaker.
    mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                  [&](int m) { return IsPossessorOf(m, clause.source_token); }),
                   mentions.end());
    // Nor the possessor of another word of the phrase, when something else
    // is named: "A senior official of Saleh's General People's Congress
    // party" speaks for the party.
    const std::vector<int> phrase = tree_.PhraseWords(clause.source_token);
    std::vector<int> owned;
    std::copy_if(mentions.begin(), mentions.end(), std::back_inserter(owned), [&](int m) {
      return std::none_of(phrase.begin(), phrase.end(),
                          [&](int w) { return IsPossessorOf(m, w); });
    });
    if (!owned.empty()) mentions = std::move(owned);
    if (mentions.empty()) mentions = NameAfterTitle(clause.source_token);
    if (mentions.empty()) mentions = NameInApposition(phrase);
    // "Barrick chairman John Thornton told ...": the person named speaks,
    // not the organisation that qualifies the title.
    std::stable_partition(mentions.begin(), mentions.end(), [&](int m) {
      return ctx_.mentions[static_cast<size_t>(m)]->type == claims::v1::PERSON;
    });
    int actor = mentions.empty() ? PronounActor(clause.source_token)
                                 : ctx_.mentions[static_cast<size_t>(mentions[0])]->actor;
    if (actor >= 0) {
      source_actor_ = actor;
      *c->mutable_modality_source() = Ref(actors_[static_cast<size_t>(actor)], "source");
    }
    if (actor < 0 && clause.source_optional && !BodyHolds(clause)) return;
    const std::string text = clause.source_first >= 0
                                 ? SpanText(clause.source_first, clause.source_last)
                                 : SourceDescription(clause.source_token);
    AddEvidence(c, "modality_source",
                actor >= 0 ? absl::StrCat(text, ":", actors_[static_cast<size_t>(actor)].id)
                           : absl::StrCat(text, ":unlinked"));
  }

  // "Chancellor | Olaf Scholz told reporters" with the title cut from the
  // name by the parser: the mentions of the capitalised words right after
  // a capitalised word that no mention covers.
  std::vector<int> NameAfterTitle(int word) const {
    std::vector<int> out;
    auto capitalised = [&](int w) {
      return w < static_cast<int>(t_.size()) && t_[static_cast<size_t>(w)].is_word &&
             t_[static_cast<size_t>(w)].capitalized;
    };
    if (!capitalised(word)) return out;
    for (int w = word + 1; capitalised(w) && out.empty(); ++w) {
      for (int m : covering_[static_cast<size_t>(w)]) {
        if (!Qualifier(*ctx_.mentions[static_cast<size_t>(m)])) out.push_back(m);
      }
    }
    return out;
  }

  // "..., the chief minister, Bertrand Osborne, told ...", with the name
  // parsed apart from the title that names no one: the person named
  // between commas right after the phrase (`phrase`, ascending).
  std::vector<int> NameInApposition(const std::vector<int>& phrase) const {
    if (phrase.empty()) return {};
    const size_t comma = static_cast<size_t>(phrase.back()) + 1;
    if (comma + 1 >= t_.size() || t_[comma].lower != ",") return {};
    for (int m : covering_[comma + 1]) {
      const FoundMention& name = *ctx_.mentions[static_cast<size_t>(m)];
      const size_t after = static_cast<size_t>(name.last_token);
      if (name.first_token == static_cast<int>(comma) + 1 && name.type == claims::v1::PERSON &&
          !Qualifier(name) && after < t_.size() && t_[after].lower == ",") {
        return {m};
      }
    }
    return {};
  }

  // True when another mention covering word w spans mention m and more:
  // "Turkish" of the group "Turkish forces" is part of who acts, not an
  // actor of its own.
  bool InsideLonger(int m, int w) const {
    const FoundMention& inner = *ctx_.mentions[static_cast<size_t>(m)];
    for (int other : covering_[static_cast<size_t>(w)]) {
      const FoundMention& outer = *ctx_.mentions[static_cast<size_t>(other)];
      if (other != m && outer.first_token <= inner.first_token &&
          outer.last_token >= inner.last_token &&
          outer.last_token - outer.first_token > inner.last_token - inner.first_token) {
        return true;
      }
    }
    return false;
  }

  // Mentions among `words` not placed yet ("... through Parliament").
  void AddLeftovers(const std::vector<int>& words, Slot slot, Claim* c) {
    for (int w : words) {
      if (w < dateline_end_) continue;
      if (covering_[static_cast<size_t>(w)].empty()) {
        // A pronoun no mention covers (coreference left it): the person
        // named last before it.
        const int person = PronounActor(w);
        if (person >= 0) Place(person, slot, "other", "pronoun:" + t_[static_cast<size_t>(w)].lower, c);
        continue;
      }
      for (int m : covering_[static_cast<size_t>(w)]) {
        const FoundMention& fm = *ctx_.mentions[static_cast<size_t>(m)];
        if (fm.actor < 0 || Qualifier(fm) || InsideLonger(m, w)) continue;
        if (IsPlace(fm, PrepositionOf(fm.first_token))) {
          Place(fm.actor, Slot::kParticipant, "location", fm.evidence, c);
        } else {
          Place(fm.actor, slot, "other", absl::StrCat("in-clause:", fm.evidence), c);
        }
      }
    }
  }

  // The texts of a subject and a direct object that name no actor.
  void SetArgumentTexts(const Clause& clause, Claim* c) const {
    for (const Argument& a : clause.args) {
      const bool subject = a.role == ArgRole::kSubject || (a.patient && c->subjects_size() == 0 &&
                                                          !HasSubjectArg(clause));
      if (subject && c->subjects_size() == 0 && c->subject_text().empty()) {
        c->set_subject_text(CoreText(a.token));
      } else if (a.role == ArgRole::kObject && !a.patient && c->objects_size() == 0 &&
                 c->object_text().empty() && !a.inherited) {
        c->set_object_text(CoreText(a.token));
      }
    }
  }

  static bool HasSubjectArg(const Clause& clause) {
    return std::any_of(clause.args.begin(), clause.args.end(),
                       [](const Argument& a) { return a.role == ArgRole::kSubject; });
  }

  // The head of a phrase with its determiners, modifiers and genitives
  // ("the country's eight main unions", "Inflation in the euro area" gives
  // "Inflation"), as written.
  std::string CoreText(int head) const {
    std::vector<int> words = CoreWords(head);
    for (int k : tree_.children(head)) {
      if (tree_.rel(k) == syntax::DepRel::kDet) words.push_back(k);
    }
    if (IsPersonalPronoun(t_[static_cast<size_t>(head)].lower)) return "";
    const auto [lo, hi] = std::minmax_element(words.begin(), words.end());
    const size_t a = t_[static_cast<size_t>(*lo)].start;
    const size_t b = t_[static_cast<size_t>(*hi)].end;
    return std::string(body_.substr(a, b - a));
  }

  // The words naming a source: its phrase with the participles and
  // relative clauses that say who it is ("a lawyer
  // representing survivors and victims' families", "Protesters who lost
  // their savings", "Relatives of the crew who gathered at the base"); one
  // set off by a comma adds a remark, not who.
  std::string SourceDescription(int head) const {
    std::vector<int> words = tree_.PhraseWords(head);
    if (words.empty()) return "";
    const std::vector<int> phrase = words;
    for (int w : phrase) {
      for (int k : tree_.children(w)) {
        const syntax::DepRel r = tree_.rel(k);
        if (k < w || (r != syntax::DepRel::kAcl && r != syntax::DepRel::kAclRelcl)) continue;
        const std::vector<int> clause = tree_.SubtreeWords(k);
        if (clause.front() > 0 && t_[static_cast<size_t>(clause.front() - 1)].lower == ",") {
          continue;
        }
        words.insert(words.end(), clause.begin(), clause.end());
      }
    }
    // Not the preposition that introduced it ("According to", "by"); a
    // capitalised word is kept, as the tagger may take a name's first word
    // for one ("Per Wastberg").
    auto introduces = [&](int w) {
      return tree_.rel(w) == syntax::DepRel::kCase && tree_.word(w).head == head &&
             (!t_[static_cast<size_t>(w)].capitalized || tree_.lower(w) == "according");
    };
    words.erase(std::remove_if(words.begin(), words.end(),
                               [&](int w) {
                                 const int up = tree_.word(w).head;
                                 return introduces(w) ||
                                        (tree_.rel(w) == syntax::DepRel::kFixed && up >= 0 &&
                                         introduces(up));
                               }),
                words.end());
    if (words.empty()) return "";
    const auto [lo, hi] = std::minmax_element(words.begin(), words.end());
    int last = *hi;
    while (last > *lo && !t_[static_cast<size_t>(last)].is_word &&
           !t_[static_cast<size_t>(last)].is_number) {
      --last;
    }
    return SpanText(*lo, last);
  }

  // The text of words [first, last].
  std::string SpanText(int first, int last) const {
    const size_t a = t_[static_cast<size_t>(first)].start;
    const size_t b = t_[static_cast<size_t>(last)].end;
    return std::string(body_.substr(a, b - a));
  }

  // Reported speech, or a belief or finding whose holder is an actor or a
  // body ("The court found that S").
  bool Attributed(const Clause& clause, const Claim& c) const {
    return clause.reported &&
           (!clause.source_optional || c.has_modality_source() || BodyHolds(clause));
  }

  // Whether the holder of a belief or finding is a body or people, named
  // or not: "the ministry", "the authors" (a noun for a kind of person),
  // not "the data" or "the study".
  bool BodyHolds(const Clause& clause) const {
    if (clause.source_token < 0) return false;
    const std::string holder = tree_.lower(clause.source_token);
    if (lex_.IsInstitutionNoun(holder) || lex_.IsTitleHead(holder)) return true;
    // People stand before what they believe: a noun after the verb is more
    // likely its object the parser misread ("was found to have bugged
    // politicians").
    return classes_ != nullptr && clause.source_token < clause.reporting_verb &&
           classes_->Of(tree_.lemma(clause.source_token), syntax::Upos::kNoun) ==
               syntax::WordClasses::kNounPerson;
  }

  void SetModality(const Clause& clause, Claim* c) const {
    if (Attributed(clause, *c)) {
      c->set_modality(claims::v1::REPORTED);
      c->set_content_modality(clause.modality);
      AddEvidence(c, "modality", clause.reporting_cue);
      if (!clause.modality_cue.empty()) {
        AddEvidence(c, "content_modality", clause.modality_cue);
      }
      return;
    }
    c->set_modality(clause.modality);
    AddEvidence(c, "modality",
                clause.modality_cue.empty() ? "default:asserted" : clause.modality_cue);
  }

  void SetPredicateAndType(const Clause& clause, Claim* c) const {
    c->set_predicate(clause.predicate);
    AddEvidence(c, "predicate",
                absl::StrCat(clause.verbless ? "nominal:" : "verb:",
                             t_[static_cast<size_t>(clause.head)].text));
    const std::optional<claims::v1::Quantity> quantity =
        c->has_quantity() ? std::optional<claims::v1::Quantity>(c->quantity()) : std::nullopt;
    claims::v1::ClaimType type = claims::v1::EVENT;
    std::string cue = "default";
    const VerbClass* vc = clause.verbless ? nullptr : lex_.ClassOf(clause.predicate);
    // A count is what a claim states when it is a share, or when the verb
    // names no event of its own ("rose 4%", "recalled 1 million
    // vehicles"); "killed 75 people" and "arrested 12 men" stay events of
    // their PLOVER type, with the count among their quantities.
    if (quantity && (quantity->unit() == "percent" || vc == nullptr ||
                     (vc->type != claims::v1::STATEMENT && vc->plover.empty()))) {
      type = claims::v1::QUANTITY;
      cue = absl::StrCat("quantity:", quantity->text());
    } else if (vc != nullptr) {
      type = vc->type;
      cue = absl::StrCat("verb-class:", clause.predicate);
    } else if (clause.copula || s_.section == claims::v1::SECTION_AUTHOR_BIO) {
      type = claims::v1::ATTRIBUTE;
      cue = clause.copula ? "copula" : "section:author-bio";
    } else if (c->subjects_size() == 0) {
      type = claims::v1::ASSESSMENT;
      cue = "no-actor-subject";
    }
    c->set_type(type);
    AddEvidence(c, "type", cue);
    if (vc != nullptr && !vc->plover.empty() &&
        (type == claims::v1::EVENT || type == claims::v1::STANCE ||
         type == claims::v1::STATEMENT)) {
      c->set_event_type(vc->plover);
      AddEvidence(c, "event_type", absl::StrCat("verb:", clause.predicate));
    }
  }

  // The quantities inside the clause's words, each with what it measures;
  // `quantity` is the first.
  void SetQuantities(const Clause& clause, const std::vector<FoundQuantity>& found,
                     Claim* c) const {
    const size_t lo = t_[static_cast<size_t>(clause.words.front())].start;
    const size_t hi = t_[static_cast<size_t>(clause.words.back())].end;
    for (const FoundQuantity& f : found) {
      const size_t begin = s_.start + f.begin, end = s_.start + f.end;
      if (begin < lo || end > hi) continue;
      claims::v1::Quantity q = f.quantity;
      q.set_measures(Measured(begin, end));
      if (!c->has_quantity()) *c->mutable_quantity() = q;
      AddEvidence(c, "quantities", absl::StrCat(q.text(), q.measures().empty() ? "" : " of ",
                                                q.measures()));
      *c->add_quantities() = std::move(q);
    }
  }

  // The words a quantity counts: the noun its number modifies ("2,000
  // people"), or the of-phrase of a proportion ("70 per cent of Israelis").
  std::string Measured(size_t begin, size_t end) const {
    int last = -1;
    for (size_t k = 0; k < t_.size(); ++k) {
      if (t_[k].start >= begin && t_[k].end <= end) last = static_cast<int>(k);
    }
    if (last < 0) return "";
    // A counted noun names itself ("500 soldiers").
    static const auto* const kMeasureUnits = new absl::flat_hash_set<std::string>{
        "cent", "percent", "%", "points", "dollars", "euros", "pounds", "yen", "yuan",
        "shekels", "rupees", "roubles", "rubles", "francs", "tonnes", "tons", "barrels",
        "km", "kilometres", "kilometers", "miles", "years"};
    const auto& unit_word = s_.words[static_cast<size_t>(last)];
    if (unit_word.upos == syntax::Upos::kNoun && !kMeasureUnits->contains(t_[last].lower)) {
      return MeasureText(last);
    }
    auto inside = [&](int w) {
      return t_[static_cast<size_t>(w)].start >= begin && t_[static_cast<size_t>(w)].end <= end;
    };
    int w = last;
    for (int guard = 0; guard < 4 && w >= 0 && inside(w); ++guard) {
      for (int k : tree_.children(w)) {
        if (tree_.rel(k) == syntax::DepRel::kNmod && !inside(k) && OfGenitive(k)) {
          return MeasureText(k);
        }
      }
      w = s_.words[static_cast<size_t>(w)].head;
    }
    if (w < 0 || inside(w)) return "";
    const auto upos = s_.words[static_cast<size_t>(w)].upos;
    return upos == syntax::Upos::kNoun || upos == syntax::Upos::kPropn ? MeasureText(w) : "";
  }

  // The noun with its compounds and adjectives ("Ukrainian drones").
  std::string MeasureText(int head) const {
    std::vector<std::string> parts;
    for (int w : CoreWords(head)) {
      const auto rel = s_.words[static_cast<size_t>(w)].rel;
      if (w != head && rel != syntax::DepRel::kCompound && rel != syntax::DepRel::kAmod &&
          rel != syntax::DepRel::kFlat) {
        continue;
      }
      // The count is the quantity's, not part of what it counts ("1.7"
      // parsed as a compound of "people").
      if (w != head && s_.words[static_cast<size_t>(w)].upos == syntax::Upos::kNum) continue;
      parts.emplace_back(t_[static_cast<size_t>(w)].text);
    }
    return absl::StrJoin(parts, " ");
  }

  // The clause's own calendar time expression, else the sentence's first
  // (not the dateline's), else the inherited one.
  const Timex* EventTime(const Clause& clause) const {
    const size_t dateline_byte =
        dateline_end_ > 0 ? t_[static_cast<size_t>(dateline_end_ - 1)].end : 0;
    const size_t lo = t_[static_cast<size_t>(clause.words.front())].start;
    const size_t hi = t_[static_cast<size_t>(clause.words.back())].end;
    const Timex* first = nullptr;
    for (const Timex* tx : ctx_.timexes) {
      if (tx->end <= dateline_byte || tx->granularity == claims::v1::GRANULARITY_UNSPECIFIED) {
        continue;
      }
      if (tx->start >= lo && tx->end <= hi) return tx;
      if (first == nullptr) first = tx;
    }
    return first != nullptr ? first : ctx_.inherited_time;
  }

  void SetTime(const Timex& when, Claim* c) const {
    c->set_event_date(when.value);
    auto* et = c->mutable_event_time();
    et->set_start(when.value);
    et->set_end(PeriodEnd(when.value));
    et->set_granularity(when.granularity);
    et->set_text(std::string(body_.substr(when.start, when.end - when.start)));
    et->set_relative(when.relative);
    AddEvidence(c, "event_time", absl::StrCat("timex:", et->text()));
  }

  void SetQuote(const Clause& clause, Claim* c) const {
    if (clause.quote_first < 0 || clause.quote_last < clause.quote_first) return;
    auto* q = c->mutable_quote();
    const size_t a = t_[static_cast<size_t>(clause.quote_first)].start;
    const size_t b = t_[static_cast<size_t>(clause.quote_last)].end;
    q->set_start(static_cast<uint32_t>(a));
    q->set_end(static_cast<uint32_t>(b));
    q->set_text(std::string(body_.substr(a, b - a)));
    if (c->has_modality_source()) *q->mutable_speaker() = c->modality_source();
  }

  // A raw score from what the claim rests on; the extractor calibrates it
  // (confidence.h) into the share of such claims that are right.
  float Confidence(const Clause& clause, const Claim& c) const {
    float score = 0.3f;
    if (!clause.verbless) score += 0.15f;
    if (direct_subject_) {
      score += 0.2f;
    } else if (c.subjects_size() > 0) {
      score += 0.1f;
    }
    if (c.objects_size() > 0) score += 0.05f;
    if (Attributed(clause, c)) score += c.has_modality_source() ? 0.05f : -0.05f;
    if (c.modality() == claims::v1::HEDGED || c.modality() == claims::v1::HYPOTHETICAL) {
      score -= 0.1f;
    }
    if (clause.subordinate()) score -= 0.05f;
    if (s_.section == claims::v1::SECTION_HEADING || s_.section == claims::v1::SECTION_TITLE) {
      score -= 0.1f;
    }
    return std::clamp(score, 0.05f, 0.95f);
  }

  absl::string_view body_;
  const SentenceContext& ctx_;
  const SentenceTokens& s_;
  const std::vector<Token>& t_;
  const DependencyTree& tree_;
  const std::vector<ArticleActor>& actors_;
  const Lexicon& lex_;
  const syntax::WordClasses* classes_;  // may be null
  // token -> indexes into ctx_.mentions of the mentions covering it (a
  // compound "Trump-Netanyahu" or "both leaders" covers one token twice).
  std::vector<std::vector<int>> covering_;
  int dateline_end_ = 0;
  absl::flat_hash_set<int> used_;  // actors placed in the current claim
  int source_actor_ = -1;          // the current claim's source, if any
  bool direct_subject_ = false;    // a subject of the clause's own, by parse
};

// Adds the actors of `from` to `into` (as objects and participants) where
// `into` does not have them yet.
// `modifier`: the folded clause modifies a noun ("two men suspected of
// smuggling migrants"): its objects are no objects of the governing
// verb, only participants of its claim.
void MergeActors(const Claim& from, bool modifier, Claim* into) {
  auto has = [&](const std::string& id) {
    return HasRef(into->subjects(), id) || HasRef(into->objects(), id) ||
           HasRef(into->participants(), id);
  };
  for (const auto& r : from.objects()) {
    if (has(r.id())) continue;
    if (modifier) {
      claims::v1::ActorRef p = r;
      p.set_role("other");
      *into->add_participants() = std::move(p);
    } else {
      *into->add_objects() = r;
    }
  }
  for (const auto& r : from.participants()) {
    if (!has(r.id())) *into->add_participants() = r;
  }
  AddEvidence(into, "participants", absl::StrCat("folded:", from.predicate()));
}

// A relative, participial or adverbial clause without a subject of its own
// says something about its governor's claim, not a claim of its own: its
// actors join the nearest governing claim ("... stops in Saudi Arabia,
// Qatar, and the United Arab Emirates, while notably omitting Israel").
void FoldSubjectless(const std::vector<Clause>& clauses,
                     std::vector<std::optional<Claim>>* built) {
  for (size_t k = clauses.size(); k-- > 0;) {
    std::optional<Claim>& c = (*built)[k];
    if (!c || !clauses[k].subordinate() || c->subjects_size() > 0) continue;
    for (int governor = clauses[k].governor; governor >= 0;) {
      size_t g = 0;
      while (g < clauses.size() && clauses[g].head != governor) ++g;
      if (g == clauses.size()) break;
      if ((*built)[g]) {
        const syntax::DepRel r = clauses[k].relation;
        MergeActors(*c, r == syntax::DepRel::kAcl || r == syntax::DepRel::kAclRelcl,
                    &*(*built)[g]);
        c.reset();
        break;
      }
      governor = clauses[g].governor;
    }
  }
}

// The byline says who wrote the article.
std::vector<Claim> BylineClaims(absl::string_view body, const SentenceContext& ctx,
                                const std::vector<ArticleActor>& actors) {
  const SentenceTokens& s = *ctx.sentence;
  Claim c;
  for (const FoundMention* m : ctx.mentions) {
    if (m->actor < 0) continue;
    const ArticleActor& a = actors[static_cast<size_t>(m->actor)];
    if (a.type != claims::v1::PERSON || HasRef(c.subjects(), a.id)) continue;
    *c.add_subjects() = Ref(a);
    AddEvidence(&c, "subjects", absl::StrCat(m->evidence, ":", a.id));
  }
  if (c.subjects_size() == 0) return {};
  c.set_text(std::string(body.substr(s.start, s.end - s.start)));
  c.set_start(static_cast<uint32_t>(s.start));
  c.set_end(static_cast<uint32_t>(s.end));
  c.set_section(s.section);
  c.set_type(claims::v1::ATTRIBUTE);
  c.set_predicate("author");
  c.set_modality(claims::v1::ASSERTED);
  c.set_confidence(0.9f);
  AddEvidence(&c, "type", "section:byline");
  return {std::move(c)};
}

}  // namespace

std::vector<Claim> ClaimBuilder::Build(absl::string_view body,
                                       const SentenceContext& ctx,
                                       const std::vector<ArticleActor>& actors) const {
  const SentenceTokens& s = *ctx.sentence;
  if (s.section == claims::v1::SECTION_BYLINE) return BylineClaims(body, ctx, actors);
  if (s.tokens.empty() || s.words.size() != s.tokens.size()) return {};
  const DependencyTree tree(s.words);
  SentenceClaims sentence(body, ctx, tree, actors, lex_, classes_);
  const std::vector<Clause> clauses = clauses_.Analyze(tree, sentence.dateline_end());
  const std::vector<FoundQuantity> quantities =
      FindQuantities(body.substr(s.start, s.end - s.start));
  std::vector<std::optional<Claim>> built(clauses.size());
  for (size_t k = 0; k < clauses.size(); ++k) {
    const Clause& clause = clauses[k];
    if (!clause.makes_claim() || clause.words.empty()) continue;
    const Clause* saying = nullptr;
    for (const Clause& other : clauses) {
      if (clause.reporting_verb >= 0 && other.head == clause.reporting_verb) saying = &other;
    }
    built[k] = sentence.FromClause(clause, saying, quantities);
  }
  FoldSubjectless(clauses, &built);
  std::vector<Claim> out;
  for (auto& c : built) {
    if (c) out.push_back(*std::move(c));
  }
  return out;
}

}  // namespace claims
