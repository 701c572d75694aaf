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


bool Contains(const absl::flat_hash_set<std::string>& set, absl::string_view w) {
  return set.contains(w);
}

const absl::flat_hash_set<std::string>& Determiners() {
  static const auto* const k = new absl::flat_hash_set<std::string>{
      "the", "a", "an", "his", "her", "its", "their", "this", "that", "these",
      "those", "our", "my", "your", "'s", "’s", "whose", "every", "each",
      "some", "any", "no", "more", "most", "many", "much", "several", "such",
      "own", "other", "another", "greater"};
  return *k;
}

const absl::flat_hash_set<std::string>& Modals() {
  static const auto* const k = new absl::flat_hash_set<std::string>{
      "will", "would", "shall", "should", "can", "could", "may", "might",
      "must", "cannot", "to", "did", "does", "do", "wo", "ca"};
  return *k;
}

const absl::flat_hash_set<std::string>& Prepositions() {
  static const auto* const k = new absl::flat_hash_set<std::string>{
      "of", "in", "on", "at", "by", "for", "with", "without", "from", "into",
      "about", "against", "through", "via", "during", "after", "before",
      "over", "under", "between", "among", "within", "toward", "towards",
      "than", "as", "upon", "despite", "like", "behind"};
  return *k;
}

const absl::flat_hash_set<std::string>& Subordinators() {
  static const auto* const k = new absl::flat_hash_set<std::string>{
      "by", "for", "with", "without", "rather", "as", "while", "although",
      "though", "after", "before", "since", "when", "if", "despite", "in",
      "on", "faced", "taken", "given", "prior", "indeed", "worse", "still",
      "moreover", "however", "meanwhile", "because", "once", "unlike",
      "amid", "following", "during", "of", "from", "according"};
  return *k;
}

bool IsPronounSubject(absl::string_view lower) {
  return lower == "he" || lower == "she" || lower == "his" || lower == "her";
}

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

struct Verb {
  int token = -1;
  std::string lemma;
  bool copula = false;
};

}  // namespace

std::vector<Claim> ClaimBuilder::Build(absl::string_view body,
                                       const SentenceContext& ctx,
                                       const std::vector<ArticleActor>& actors) const {
  std::vector<Claim> out;
  const SentenceTokens& s = *ctx.sentence;
  const auto& t = s.tokens;
  const int n = static_cast<int>(t.size());
  if (s.section == claims::v1::SECTION_BYLINE) {
    // The byline says who wrote the article.
    Claim c;
    for (const FoundMention* m : ctx.mentions) {
      if (m->actor < 0) continue;
      const ArticleActor& a = actors[static_cast<size_t>(m->actor)];
      if (a.type != claims::v1::PERSON || HasRef(c.subjects(), a.id)) continue;
      *c.add_subjects() = Ref(a);
      AddEvidence(&c, "subjects", absl::StrCat(m->evidence, ":", a.id));
    }
    if (c.subjects_size() == 0) return out;
    c.set_text(std::string(body.substr(s.start, s.end - s.start)));
    c.set_start(static_cast<uint32_t>(s.start));
    c.set_end(static_cast<uint32_t>(s.end));
    c.set_section(s.section);
    c.set_type(claims::v1::ATTRIBUTE);
    c.set_predicate("author");
    c.set_modality(claims::v1::ASSERTED);
    c.set_confidence(0.9f);
    AddEvidence(&c, "type", "section:byline");
    out.push_back(std::move(c));
    return out;
  }

  // Token -> mention (first token of a mention marks it; inner tokens are
  // covered).
  std::vector<int> covered(static_cast<size_t>(n), -1);
  for (size_t m = 0; m < ctx.mentions.size(); ++m) {
    for (int k = ctx.mentions[m]->first_token; k < ctx.mentions[m]->last_token && k < n; ++k) {
      covered[static_cast<size_t>(k)] = static_cast<int>(m);
    }
  }

  // A dateline opening the sentence ("KYIV, July 15 (Reuters) -") names
  // the place and agency, not actors of the claim.
  int dateline_end = 0;
  if (n > 2 && t[0].all_caps) {
    for (int i = 1; i < std::min(n - 1, 16); ++i) {
      absl::string_view w = t[i].text;
      if (w == "-" || w == "--" || w == "_" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93") {
        dateline_end = i + 1;
        break;
      }
      if (t[i].is_word && !t[i].capitalized) break;
    }
  }
  size_t dateline_end_byte = dateline_end > 0 ? t[dateline_end - 1].end : 0;

  // Clauses: split at ";" and at ", while|but|whereas|although".
  std::vector<std::pair<int, int>> clauses;
  int cs = dateline_end;
  for (int i = 0; i < n; ++i) {
    const absl::string_view w = t[i].lower;
    bool split = false;
    int resume = i + 1;
    if (w == ";") split = true;
    if (i > 0 && t[i - 1].text == "," &&
        (w == "while" || w == "but" || w == "whereas" || w == "although")) {
      split = true;
      resume = i;
    }
    if (split && i - cs >= 3 && n - resume >= 3) {
      clauses.emplace_back(cs, w == ";" ? i : i - 1);
      cs = resume;
    }
  }
  clauses.emplace_back(cs, n);

  // Verb lemmas of the tokens, looked up on first use: the clause analysis
  // below asks for the same tokens many times.
  struct CachedLemma {
    bool known = false;
    bool inflected = false;
    std::string lemma;
  };
  std::vector<CachedLemma> lemmas(static_cast<size_t>(n));
  auto lemma_of = [&](int i, bool* inflected) -> const std::string& {
    CachedLemma& c = lemmas[static_cast<size_t>(i)];
    if (!c.known) {
      c.lemma = lex_.VerbLemma(t[i].lower, &c.inflected);
      c.known = true;
    }
    *inflected = c.inflected;
    return c.lemma;
  };

  // The main verb of t[a, b): the first confident candidate (a finite or
  // modal-governed verb), else the first ambiguous one (a plural noun that
  // could be a verb, a base form after a noun), so "figures within X's camp
  // have been sidelined" gives "sideline".
  auto verb_in = [&](int a, int b) -> Verb {
    Verb fallback;
    bool fallback_inflected = false;
    for (int i = a; i < b; ++i) {
      if (covered[static_cast<size_t>(i)] >= 0 || !t[i].is_word || (t[i].capitalized && i > a)) continue;
      const std::string& w = t[i].lower;
      bool inflected = false;
      const std::string& lemma = lemma_of(i, &inflected);
      if (lemma.empty()) continue;
      const absl::string_view prev = i > a ? absl::string_view(t[i - 1].lower) : "";
      bool after_modal = Contains(Modals(), prev) ||
                         (prev == "not" && i > a + 1 && Contains(Modals(), t[i - 2].lower)) ||
                         prev == "n't";
      bool after_demonstrative = prev == "this" || prev == "that" || prev == "these" ||
                                 prev == "those";
      bool after_det = (Contains(Determiners(), prev) && !after_demonstrative) ||
                       (i > a && t[i - 1].possessive);
      bool after_prep = Contains(Prepositions(), prev);
      bool ing = absl::EndsWith(w, "ing");
      bool after_mention = i > a && covered[static_cast<size_t>(i - 1)] >= 0;
      bool confident = false, ambiguous = false;
      if (lemma == "be" || lemma == "have" || lemma == "do") {
        confident = w != "be" && w != "being" && w != "been" && w != "having" && !after_prep;
      } else if (after_modal) {
        confident = true;
      } else if (inflected && !after_det && !ing && !after_prep) {
        bool plural_noun = absl::EndsWith(w, "s") && lex_.MostlyNoun(lemma);
        if (plural_noun || after_demonstrative) {
          ambiguous = true;
        } else {
          confident = true;
        }
      } else if (!inflected && !ing && i > a && !after_det && !after_prep &&
                 !lex_.MostlyNoun(lemma) &&
                 (after_mention || (absl::EndsWith(prev, "s") && prev.size() > 3))) {
        // "Israelis support", "these episodes reveal".
        ambiguous = true;
      }
      if (!confident && !ambiguous) continue;
      Verb v;
      v.token = i;
      v.lemma = lemma;
      // Auxiliary chain: "has been sidelined", "is meeting", "has become".
      if (lemma == "be" || lemma == "have" || lemma == "do") {
        bool found = false, been = lemma == "be";
        static const auto* const kChainAdverbs = new absl::flat_hash_set<std::string>{
            "not", "n't", "never", "also", "still", "now", "already", "again",
            "just", "even", "ever", "long", "since", "yet", "often", "always",
            "further", "once", "only", "then", "so", "much", "far"};
        for (int j = i + 1; j < b && j <= i + 5; ++j) {
          const std::string& wj = t[j].lower;
          if (covered[static_cast<size_t>(j)] >= 0) break;
          if (absl::EndsWith(wj, "ly") || kChainAdverbs->contains(wj)) continue;
          bool infl = false;
          const std::string& lj = lemma_of(j, &infl);
          if (lj.empty()) break;
          if (wj == "been" || wj == "being" || wj == "be") {
            been = true;
            continue;
          }
          if (lj == "have" && lemma == "have") break;
          v.token = j;
          v.lemma = lj;
          found = true;
          break;
        }
        if (!found && been) v.lemma = "be";
        v.copula = !found && been;
      }
      if (confident) return v;
      // Among ambiguous candidates an inflected form beats a bare one
      // ("rebels further underscores" -> "underscore").
      if (fallback.token < 0 || (inflected && !fallback_inflected)) {
        fallback = v;
        fallback_inflected = inflected;
      }
    }
    return fallback;
  };

  const absl::string_view sentence_text = body.substr(s.start, s.end - s.start);
  std::vector<TopicHit> topic_hits = topics_.Tag(t);
  std::optional<claims::v1::Quantity> quantity = FindQuantity(sentence_text);

  for (const auto& [ca, cb] : clauses) {
    // Introductory phrase: "By engaging ... , the US President has ...".
    int main_start = ca;
    if (ca < cb) {
      const std::string& first = t[ca].lower;
      bool participle = false;
      const std::string& first_lemma = lemma_of(ca, &participle);
      bool intro = Contains(Subordinators(), first) ||
                   (!first_lemma.empty() && participle && !absl::EndsWith(first, "s"));
      if (intro) {
        for (int i = ca + 1; i < cb - 2; ++i) {
          if (t[i].text == ",") {
            Verb v = verb_in(i + 1, cb);
            if (v.token >= 0) main_start = i + 1;
            break;
          }
        }
      }
    }
    Claim c;

    // Modality cues in the main part of the clause.
    claims::v1::Modality modality = claims::v1::ASSERTED;
    std::string modality_cue;
    int source_after = -1;
    {
      // The strongest cue (lowest rank) wins; among its matches, the first.
      size_t best_rank = SIZE_MAX;
      const auto& cues = lex_.modality_cues();
      const size_t n_words = static_cast<size_t>(std::max(0, cb - main_start));
      auto word = [&](size_t i) -> const std::string& { return t[main_start + i].lower; };
      for (size_t i = 0; i < n_words; ++i) {
        const std::vector<size_t>* starting = lex_.ModalityCuesStartingWith(word(i));
        if (starting == nullptr) continue;
        for (size_t r : *starting) {
          if (r >= best_rank) break;  // ascending: no stronger cue follows
          const auto& cue = cues[r];
          if (i + cue.words.size() > n_words) continue;
          bool match = true;
          for (size_t k = 1; k < cue.words.size() && match; ++k) {
            match = word(i + k) == cue.words[k];
          }
          // "not only ... but also" is not a negation.
          if (match && cue.words.size() == 1 && cue.words[0] == "not" &&
              i + 1 < n_words && word(i + 1) == "only") {
            match = false;
          }
          if (match && r < best_rank) {
            best_rank = r;
            modality = cue.modality;
            modality_cue = absl::StrJoin(cue.words, " ");
            source_after = main_start + static_cast<int>(i + cue.words.size());
          }
        }
      }
    }
    // Trailing attribution: "..., the United Nations said."
    int attribution_start = -1;
    {
      int e = cb;
      while (e > main_start && !t[e - 1].is_word) --e;
      if (e > main_start + 2) {
        const std::string& last = t[e - 1].lower;
        bool speech = last == "said" || last == "says" || last == "told" ||
                      last == "reported" || last == "added" || last == "warned" ||
                      last == "announced" || last == "claimed";
        int comma = -1;
        for (int i = e - 2; i > main_start && i >= e - 8; --i) {
          if (t[i].text == "," || t[i].text == "\xE2\x80\x9D" || t[i].text == "\"") {
            comma = i;
            break;
          }
        }
        if (speech && comma > main_start) {
          for (const FoundMention* m : ctx.mentions) {
            if (m->first_token > comma && m->last_token < e && m->actor >= 0) {
              attribution_start = comma;
              modality = claims::v1::REPORTED;
              modality_cue = absl::StrCat("attribution:", last);
              *c.mutable_modality_source() =
                  Ref(actors[static_cast<size_t>(m->actor)], "source");
              AddEvidence(&c, "modality_source", m->evidence);
              break;
            }
          }
        }
      }
    }
    Verb verb = verb_in(main_start, attribution_start >= 0 ? attribution_start : cb);
    if (verb.token < 0 && attribution_start >= 0) verb = verb_in(main_start, cb);
    // "according to X": X is the source.
    for (int i = ca; i + 1 < cb; ++i) {
      if (absl::string_view(t[i].lower) == "according" &&
          absl::string_view(t[i + 1].lower) == "to") {
        modality = claims::v1::REPORTED;
        modality_cue = "according to";
        source_after = i + 2;
      }
    }

    // Roles of the mentions in this clause.
    const int vt = verb.token;
    int subjects = 0;
    for (const FoundMention* m : ctx.mentions) {
      if (m->first_token < ca || m->first_token >= cb || m->actor < 0) continue;
      if (attribution_start >= 0 && m->first_token > attribution_start) continue;
      // "Israeli" in "Israeli Prime Minister X" qualifies the title;
      // "American hostage" gives a nationality.
      const absl::string_view evidence = m->evidence;
      if (evidence == "kb:qualifier") continue;
      if (evidence == "kb:demonym" && m->last_token < n &&
          lex_.IsNationalityNoun(t[m->last_token].lower)) {
        continue;
      }
      const ArticleActor& a = actors[static_cast<size_t>(m->actor)];
      const absl::string_view prev =
          m->first_token > 0 ? absl::string_view(t[m->first_token - 1].lower) : "";
      if (modality == claims::v1::REPORTED && modality_cue == "according to" &&
          m->first_token >= source_after && m->first_token <= source_after + 2) {
        *c.mutable_modality_source() = Ref(a, "source");
        AddEvidence(&c, "modality_source", m->evidence);
        continue;
      }
      std::string role;
      // Places (not countries, which act as governments) are where things
      // happen, not who does them.
      bool place = a.type == claims::v1::LOCATION && a.kind != "country";
      // A capital after "in"/"at" is the city, not its government
      // ("in Washington", "in the Oval Office of the White House").
      if (evidence == "kb:capital") {
        int k = m->first_token - 1;
        if (k >= 0 && t[k].lower == "the") --k;
        if (k >= 0) {
          const std::string& p = t[k].lower;
          place = place || p == "in" || p == "at" || p == "near" || p == "of";
        }
      }
      if (place) {
        role = "location";
      } else if (prev == "through" || prev == "via") {
        role = "intermediary";
      } else if (prev == "for" && vt >= 0 && m->first_token > vt) {
        role = "beneficiary";
      }
      bool before_verb = vt < 0 ? true : m->first_token < vt;
      bool in_intro = m->first_token < main_start;
      if (!role.empty()) {
        if (!HasRef(c.participants(), a.id)) *c.add_participants() = Ref(a, role);
      } else if (before_verb && !in_intro && vt >= 0) {
        if (!HasRef(c.subjects(), a.id)) {
          *c.add_subjects() = Ref(a);
          ++subjects;
          AddEvidence(&c, "subjects", absl::StrCat(m->evidence, ":", a.id));
        }
      } else if (vt < 0) {
        if (!HasRef(c.subjects(), a.id)) {
          *c.add_subjects() = Ref(a);
          ++subjects;
          AddEvidence(&c, "subjects", absl::StrCat(m->evidence, ":", a.id));
        }
      } else {
        if (!HasRef(c.objects(), a.id) && !HasRef(c.subjects(), a.id)) {
          *c.add_objects() = Ref(a);
          AddEvidence(&c, "objects", absl::StrCat(m->evidence, ":", a.id));
        }
      }
    }
    // Pronouns ("he", "his") -> the person last mentioned: the subject when
    // the clause names none, else an object.
    bool names_person = false;
    for (const auto* refs : {&c.subjects(), &c.objects()}) {
      for (const auto& r : *refs) names_person |= r.type() == claims::v1::PERSON;
    }
    if (!names_person) {
      for (int i = main_start; i < cb; ++i) {
        if (!IsPronounSubject(t[i].lower) && absl::string_view(t[i].lower) != "him") {
          continue;
        }
        // The person named last before the pronoun, in this sentence or
        // before it.
        int person = ctx.last_person;
        for (const FoundMention* m : ctx.mentions) {
          if (m->first_token < i && m->actor >= 0 &&
              actors[static_cast<size_t>(m->actor)].type == claims::v1::PERSON) {
            person = m->actor;
          }
        }
        if (person < 0) break;
        const ArticleActor& a = actors[static_cast<size_t>(person)];
        bool as_subject = subjects == 0 && (vt < 0 || i < vt || t[i].lower == "his" ||
                                            t[i].lower == "her");
        if (as_subject) {
          *c.add_subjects() = Ref(a);
          ++subjects;
          AddEvidence(&c, "subjects", absl::StrCat("pronoun:", t[i].text));
        } else if (!HasRef(c.objects(), a.id)) {
          *c.add_objects() = Ref(a);
          AddEvidence(&c, "objects", absl::StrCat("pronoun:", t[i].text));
        }
        break;
      }
    }

    bool has_actor = c.subjects_size() + c.objects_size() + c.participants_size() > 0;
    bool has_time = !ctx.timexes.empty() || ctx.inherited_time != nullptr;
    if (!has_actor && vt < 0 && !has_time) continue;
    if (!has_actor && !has_time && clauses.size() > 1) continue;
    if (!has_actor && s.section == claims::v1::SECTION_HEADING) continue;
    // Caption lines without a verb are photo credits.
    if (vt < 0 && s.section == claims::v1::SECTION_CAPTION) continue;

    // Predicate and type.
    if (vt >= 0) {
      c.set_predicate(verb.lemma);
      AddEvidence(&c, "predicate", absl::StrCat("verb:", t[vt].text));
    } else if (!topic_hits.empty()) {
      c.set_predicate(topic_hits.front().keyword);
      AddEvidence(&c, "predicate", absl::StrCat("nominal:", topic_hits.front().keyword));
    }
    claims::v1::ClaimType type = claims::v1::EVENT;
    std::string type_cue = "default";
    const VerbClass* vc = vt >= 0 ? lex_.ClassOf(verb.lemma) : nullptr;
    if (quantity && (quantity->unit() == "percent" || vc == nullptr ||
                     vc->type != claims::v1::STATEMENT)) {
      type = claims::v1::QUANTITY;
      type_cue = absl::StrCat("quantity:", quantity->text());
    } else if (vc != nullptr) {
      type = vc->type;
      type_cue = absl::StrCat("verb-class:", verb.lemma);
    } else if (verb.copula || s.section == claims::v1::SECTION_AUTHOR_BIO) {
      type = claims::v1::ATTRIBUTE;
      type_cue = verb.copula ? "copula" : "section:author-bio";
    } else if (c.subjects_size() == 0) {
      type = claims::v1::ASSESSMENT;
      type_cue = "no-actor-subject";
    }
    c.set_type(type);
    AddEvidence(&c, "type", type_cue);
    if (vc != nullptr && !vc->plover.empty() &&
        (type == claims::v1::EVENT || type == claims::v1::STANCE ||
         type == claims::v1::STATEMENT)) {
      c.set_event_type(vc->plover);
      AddEvidence(&c, "event_type", absl::StrCat("verb:", verb.lemma));
    }
    if (quantity) *c.mutable_quantity() = *quantity;

    c.set_modality(modality);
    AddEvidence(&c, "modality", modality_cue.empty() ? "default:asserted" : modality_cue);

    // Event time: the first calendar time expression of the sentence.
    const Timex* when = nullptr;
    for (const Timex* tx : ctx.timexes) {
      if (tx->end <= dateline_end_byte) continue;  // the dateline's date
      if (tx->granularity != claims::v1::GRANULARITY_UNSPECIFIED) {
        when = tx;
        break;
      }
    }
    if (when == nullptr) when = ctx.inherited_time;
    if (when != nullptr) {
      c.set_event_date(when->value);
      auto* et = c.mutable_event_time();
      et->set_start(when->value);
      et->set_end(PeriodEnd(when->value));
      et->set_granularity(when->granularity);
      et->set_text(std::string(body.substr(when->start, when->end - when->start)));
      et->set_relative(when->relative);
      AddEvidence(&c, "event_time", absl::StrCat("timex:", et->text()));
    }

    for (const auto& h : topic_hits) {
      c.add_topics(h.topic);
      AddEvidence(&c, "topics", absl::StrCat("rule:", h.topic, "/", h.keyword));
    }

    float confidence = 0.45f;
    if (vt >= 0) confidence += 0.15f;
    if (c.subjects_size() > 0) confidence += 0.15f;
    if (c.objects_size() > 0) confidence += 0.05f;
    if (modality == claims::v1::HEDGED || modality == claims::v1::HYPOTHETICAL) {
      confidence -= 0.1f;
    }
    if (s.section == claims::v1::SECTION_HEADING || s.section == claims::v1::SECTION_TITLE) {
      confidence -= 0.1f;
    }
    c.set_confidence(std::clamp(confidence, 0.05f, 0.95f));
    // Set last: a clause may still be dropped above.
    c.set_text(std::string(sentence_text));
    c.set_start(static_cast<uint32_t>(s.start));
    c.set_end(static_cast<uint32_t>(s.end));
    c.set_section(s.section);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace claims
