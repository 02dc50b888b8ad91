/// Words a message uses to tell its story and to ask, whatever it is about: greetings and
/// thanks, the people in it, when things happened, and the verbs and fillers of talk.
///
/// An article about a skin condition rarely uses them, so by rarity alone they would look
/// telling ("hope", "someone", "understand" are in fewer articles than "rash" or "mouth");
/// ``QueryFocus`` gives them no rarity, so a long message keeps its subject's words first.
/// They are still searched when the budget has room, but in a message they name nothing: "go"
/// and "cries" are not the abbreviations GO and CRIE.
enum ConversationWords {
    static let words: Set<String> = [
        // greetings, thanks, asking
        "hi", "hello", "hey", "dear", "thanks", "thank", "please", "sorry", "question", "questions", "wondering",
        "wonder", "ask", "asking", "answer", "advice", "help", "hope", "hoping", "appreciate", "anyone", "someone",
        "somebody", "everyone", "anybody",
        // a forwarded message's frame
        "subject", "message", "forwarded", "email", "website", "chat", "writing", "wrote",
        // people
        "mom", "mum", "mother", "dad", "father", "son", "daughter", "sister", "brother", "husband", "wife", "partner",
        "friend", "friends", "family", "kid", "kids", "grandmother", "grandfather", "grandma", "grandpa", "aunt", "uncle",
        "cousin", "boyfriend", "girlfriend", "teacher", "doctor", "doctors", "gp", "dermatologist", "pediatrician",
        "nurse", "counsellor", "counselor", "pharmacist", "man", "woman", "guy", "girl", "boy",
        // time
        "ago", "since", "now", "recently", "lately", "yesterday", "today", "week", "weeks", "month", "months", "year",
        "years", "day", "days", "time", "times", "first", "last", "next", "finally", "already", "still", "ever",
        "never", "always", "sometimes", "often", "usually", "started", "start", "starting", "began", "begin",
        // talk
        "think", "thinks", "thought", "know", "knows", "knew", "want", "wants", "wanted", "need", "needs", "say",
        "says", "said", "tell", "told", "called", "call", "read", "heard", "seems", "seem", "seemed", "feel", "felt",
        "look", "looks", "looked", "see", "saw", "seen", "go", "goes", "going", "went", "gone", "come", "comes",
        "came", "get", "gets", "getting", "got", "put", "make", "makes", "made", "take", "took", "give", "gave",
        "try", "tried", "trying", "keep", "keeps", "kept", "understand", "worried", "worry", "scared", "upset",
        "embarrassed", "confused", "happened", "noticed", "found", "cry", "cries", "cried", "crying",
        // fillers
        "really", "actually", "just", "also", "even", "maybe", "probably", "exactly", "anything", "something",
        "everything", "nothing", "thing", "things", "kind", "sort", "bit", "lot", "lots", "little", "much", "many",
        "around", "like", "well", "quite", "pretty", "whole", "sure", "okay", "ok", "yes", "either", "whether",
        "else", "way", "able", "let", "lets",
    ]

    static func contains(_ token: String) -> Bool { words.contains(token) }
}
