/// What a question asks about a subject: its symptoms, its cost, how long recovery takes…
///
/// Each intent has *cues*, the words that reveal it in a question ("how long", "side
/// effects"), and *heading words*, the words of section headings that answer it
/// ("Recovery and downtime", "Risks and side effects"). Both are compared as Porter
/// stems, so "treatments", "treated" and "treating" are one cue. The tables are about
/// kinds of questions, never about particular subjects.
public enum QuestionIntent: String, Sendable, CaseIterable {
    case definition = "what-is"
    case symptoms, causes, genetics, inheritance, diagnosis, treatment
    case sideEffects = "side-effects"
    case susceptibility = "who-is-at-risk"
    case recovery
    case duration = "how-long"
    case sessions, cost
    case atHome = "at-home"
    case pregnancy
    case avoidance = "who-should-avoid"
    case outlook, prevention
    case frequency = "how-common"
    case research, stages

    /// Phrases that reveal the intent in a question.
    var cues: [String] {
        switch self {
        case .definition: ["what is", "what are", "what s", "define", "definition", "meaning", "mean", "explain"]
        case .symptoms: ["symptoms", "signs", "look like", "feel like", "what does it look", "how do i know if i have"]
        case .causes: ["causes", "cause", "caused", "why do", "why does", "why am", "why is", "why did", "triggers", "what makes"]
        case .genetics: ["genetic changes", "genetic", "genes", "gene", "mutation", "mutations"]
        case .inheritance: ["inherited", "inheritance", "hereditary", "run in families", "passed down"]
        case .diagnosis: ["diagnose", "diagnosed", "diagnosis", "tests", "test", "exams", "tell if"]
        case .treatment: [
            "treatments", "treat", "treated", "cure", "therapy", "therapies", "get rid of", "what to do for", "manage", "remedies",
            "can be done", "medication", "medications", "medicine", "medicines",
        ]
        case .sideEffects: ["side effects", "side effect", "risks", "safe", "dangerous", "complications", "hurt", "painful", "pain", "harm"]
        case .susceptibility: ["at risk", "who gets", "who get", "risk factors", "susceptible", "more likely"]
        case .recovery: ["recovery", "recover", "downtime", "aftercare", "heal", "healing", "after"]
        case .duration: ["how long", "how soon", "when will", "when can", "last", "lasts"]
        case .sessions: ["how many sessions", "how many treatments", "how often", "sessions"]
        case .cost: ["cost", "costs", "price", "how much", "expensive", "afford", "insurance"]
        case .atHome: ["at home", "home", "diy", "myself", "over the counter"]
        case .pregnancy: ["pregnant", "pregnancy", "breastfeeding", "nursing"]
        case .avoidance: ["who should avoid", "who should not", "should not get", "shouldn t", "avoid", "contraindications", "not suitable"]
        case .outlook: ["outlook", "prognosis", "go away", "outgrow", "permanent", "come back", "long term"]
        case .prevention: ["prevent", "prevented", "prevention", "avoid getting", "stop getting"]
        case .frequency: ["how many people", "how common", "common", "prevalence", "frequency", "affected by"]
        case .research: ["research", "clinical trials", "studies", "being done"]
        case .stages: ["stages", "stage"]
        }
    }

    /// Heading words that answer the intent, each with how well (1 = squarely).
    var headingWords: [(phrase: String, weight: Double)] {
        switch self {
        case .definition: [("information", 1), ("overview", 1), ("what is", 1), ("what it is", 1), ("about", 0.8), ("how it works", 0.6), ("types", 0.4)]
        case .symptoms: [("symptoms", 1), ("signs", 1), ("what it looks like", 1), ("warning signs", 0.8)]
        case .causes: [("causes", 1), ("why", 0.8), ("triggers", 0.9), ("genetic changes", 0.6), ("how it works", 0.4)]
        case .genetics: [("genetic changes", 1), ("genetic", 1), ("genes", 1), ("causes", 0.6), ("inheritance", 0.5)]
        case .inheritance: [("inheritance", 1), ("inherited", 1), ("genetic changes", 0.5)]
        case .diagnosis: [("exams and tests", 1), ("diagnosis", 1), ("tests", 0.9), ("when to see a dermatologist", 0.4)]
        case .treatment: [("treatment", 1), ("treatments", 1), ("therapy", 0.9), ("how it works", 0.5), ("products to use", 0.6), ("benefits", 0.4)]
        case .sideEffects: [("side effects", 1), ("risks", 1), ("complications", 1), ("safety", 0.9), ("what to avoid", 0.4)]
        case .susceptibility: [("susceptibility", 1), ("risk factors", 1), ("who gets", 1), ("causes", 0.5)]
        case .recovery: [("recovery", 1), ("downtime", 1), ("aftercare", 1), ("healing", 1), ("first 48 hours", 0.9), ("what to avoid", 0.8), ("after", 0.6)]
        case .duration: [("timeline", 1), ("how long", 1), ("recovery", 0.8), ("downtime", 0.8), ("healing", 0.8), ("results", 0.6)]
        case .sessions: [("sessions", 1), ("how often", 1), ("results", 0.6)]
        case .cost: [("cost", 1), ("price", 1)]
        case .atHome: [("at home", 1), ("home", 0.9), ("how to use it", 0.6), ("products to use", 0.5)]
        case .pregnancy: [("pregnancy", 1), ("pregnant", 1), ("who should avoid it", 0.8)]
        case .avoidance: [("who should avoid it", 1), ("avoid", 0.9), ("what to avoid", 0.8), ("who it suits", 0.6)]
        case .outlook: [("outlook", 1), ("prognosis", 1), ("results", 0.5)]
        case .prevention: [("prevention", 1), ("prevent", 1)]
        case .frequency: [("frequency", 1), ("how common", 1), ("prevalence", 1)]
        case .research: [("research", 1), ("clinical trials", 1)]
        case .stages: [("stages", 1), ("types", 0.5)]
        }
    }

    /// True for the catch-all "what is it" intent, which yields to any more specific one.
    var isGeneral: Bool { self == .definition }
}
