namespace Masthead.Demo;

/// <summary>
/// A kind of story (a port strike, a rate decision, a cup final...): the templates its headline, body, quotes and
/// captions are written from. Placeholders in braces are filled per story, so one story keeps its place and people
/// from headline to last paragraph. A variable value may name a tag after a bar: "grain exports|agriculture".
/// </summary>
internal sealed class StoryKind
{
    public required string Key { get; init; }
    public required string Section { get; init; }
    public Where Where { get; init; }
    public required string[] Tags { get; init; }
    public required Scene[] Scenes { get; init; }
    /// <summary>What readers call it in comments: "the strike".</summary>
    public required string Subject { get; init; }
    public Dictionary<string, string[]> Vars { get; init; } = [];
    public required string[] Headlines { get; init; }
    public required string[] Standfirsts { get; init; }
    public required string[] Leads { get; init; }
    public required string[] Details { get; init; }
    public required string[] Subheads { get; init; }
    public required Role[] P1 { get; init; }
    public required string[] P1Quotes { get; init; }
    public required Role[] P2 { get; init; }
    public required string[] P2Quotes { get; init; }
    public required string[] Next { get; init; }
    public required string[] Captions { get; init; }
    public bool UsesBloc { get; init; }
}

internal static partial class DemoCorpus
{
    public static readonly StoryKind[] Kinds =
    [
        // ============================================================ WORLD
        new()
        {
            Key = "summit", Section = "world", Where = Where.Capital, UsesBloc = true,
            Tags = ["diplomacy"], Scenes = [Scene.Map, Scene.Parliament], Subject = "the summit",
            Vars = new()
            {
                ["issue"] = ["energy security|energy", "migration policy|migration", "grain exports|agriculture", "climate finance|climate", "cross-border rail links|rail", "tariffs on steel|trade", "fishing rights|oceans", "water sharing|water"],
            },
            Headlines =
            [
                "{bloc} ministers meet in {city} as talks on {issue} stall",
                "{Country} hosts regional talks on {issue} amid deep divisions",
                "Envoys agree outline deal on {issue} after all-night session in {city}",
                "Talks on {issue} end without agreement in {city}",
                "{adj} government proposes compromise on {issue} at {city} meeting",
            ],
            Standfirsts =
            [
                "Delegations spent two days in {city} trying to bridge differences over {issue}, with officials describing the mood as cautious but constructive.",
                "The meeting, hosted by the {adj} government, was meant to settle a dispute that has dragged on for months. Diplomats say the gaps remain wide.",
                "A draft text circulated on {day} would create a joint fund and a timetable for review, but several governments have yet to sign up.",
            ],
            Leads =
            [
                "Senior officials from across the {bloc} met in {city} on {day} for talks on {issue}, the latest attempt to settle a dispute that has strained relations between neighbouring governments for much of the year.",
                "Government ministers arrived in {city} on {day} under pressure to agree a common position on {issue}, after two earlier rounds of talks ended without a joint statement.",
            ],
            Details =
            [
                "According to a draft seen by reporters, the proposal would set up a joint fund worth {money} and require a review of progress within {months}.",
                "Diplomats said the main sticking point was how costs would be shared between larger economies and smaller members, several of which have warned they cannot afford new commitments.",
                "The {adj} foreign ministry said the host government had circulated a compromise text late on the first evening, and that most delegations had responded positively.",
                "Outside the conference centre, several hundred demonstrators gathered behind a police cordon, calling for faster action and more transparency in the negotiations.",
                "Officials said {small} governments had tabled amendments overnight, most of them concerning the timetable rather than the substance of the agreement.",
            ],
            Subheads = ["A fragile compromise", "Money on the table", "Pressure from the streets", "What the draft says"],
            P1 = [new("the {adj} foreign minister", "foreign minister, {country}"), new("a senior {bloc} official involved in the negotiations", "senior official, {bloc}")],
            P1Quotes =
            [
                "We came here to find common ground, and I believe we are closer than we were a week ago",
                "Nobody expects every problem to be solved in two days, but the direction is now clear",
                "The text on the table is a fair balance between ambition and what governments can actually deliver",
                "Every delegation has had to give something up, and that is how you know it is a real compromise",
            ],
            P2 = [new("an opposition lawmaker who followed the talks", "opposition member of parliament, {country}"), new("the director of the Civic Monitor campaign group", "director, Civic Monitor")],
            P2Quotes =
            [
                "Communiqués are easy to write. What matters is whether the money actually arrives",
                "We have heard promises like this before and very little changed on the ground",
                "Ordinary people were not in the room, and it shows in the text",
            ],
            Next =
            [
                "Officials said a final text could be signed at a follow-up meeting within {weeks}, provided national parliaments raise no objections.",
                "The talks are due to resume at expert level next week, with ministers expected to return to {city} for a final round.",
            ],
            Captions = ["Flags outside the conference venue in {city}, where ministers met for talks on {issue}.", "Delegations arrive for the second day of talks in {city}."],
        },
        new()
        {
            Key = "floods", Section = "world", Where = Where.Any,
            Tags = ["floods", "climate"], Scenes = [Scene.Landscape, Scene.Map], Subject = "the flooding",
            Vars = new() { ["river"] = ["the river", "two rivers", "the main river and its tributaries"] },
            Headlines =
            [
                "Thousands evacuated as floods hit {city} region",
                "Flood waters rise around {city} after days of heavy rain",
                "{Country} sends troops to help flood-hit {city}",
                "Rescue teams work through the night in flooded {city}",
                "Record rainfall leaves parts of {city} under water",
            ],
            Standfirsts =
            [
                "Emergency services evacuated about {big} people as {river} burst their banks. Forecasters warn more rain is on the way.",
                "Residents described water rising through their homes within minutes. Officials say the damage will take months to repair.",
            ],
            Leads =
            [
                "About {big} people were evacuated from their homes in and around {city} on {day} after days of torrential rain caused {river} to burst their banks, flooding roads, farmland and whole neighbourhoods.",
                "Rescue teams in boats worked through the night in {city} as flood water rose to the first floor of homes in low-lying districts, in what officials described as the worst flooding in the region for decades.",
            ],
            Details =
            [
                "The national weather service said more rain fell in 48 hours than normally falls in two months, and issued its highest level of warning for {small} districts.",
                "Schools and several hospitals were closed, and rail services between {city} and {city2} were suspended after a section of track was washed away.",
                "Volunteers filled sandbags in car parks and sports halls, while local radio stations broadcast lists of streets where residents should move to higher ground.",
                "Farmers said large areas of crops had been destroyed weeks before harvest, and livestock had to be moved to emergency shelters on higher ground.",
                "The government announced emergency aid of {millions} for affected households and businesses, and said the army would help with evacuations and repairs.",
            ],
            Subheads = ["Night of rescues", "Counting the cost", "A pattern of extremes"],
            P1 = [new("the mayor of {city}", "mayor of {city}"), new("the head of the regional civil protection agency", "head of civil protection, {city} region")],
            P1Quotes =
            [
                "Our first priority is to get everyone out safely, and then we will talk about rebuilding",
                "Crews have been working without a break since the first warnings, and I cannot thank them enough",
                "We are asking people to stay away from the water and to follow instructions, even if it is inconvenient",
            ],
            P2 = [new("a resident whose ground floor was flooded", "resident, {city}"), new("a climate scientist at the University of {city2}", "climate scientist, University of {city2}")],
            P2Quotes =
            [
                "The warnings came far too late. By the time we heard, the water was already at the door",
                "Events like this used to happen once in a lifetime. Now we are seeing them every few years",
                "We were told the defences would be upgraded years ago, and nothing happened",
            ],
            Next =
            [
                "Forecasters expect the rain to ease by the weekend, but warned that river levels could keep rising for several days as water flows down from the hills.",
                "Insurers have begun assessing the damage, which early estimates put at well over {money}.",
            ],
            Captions = ["Flooded fields outside {city} after {river} burst their banks.", "The countryside near {city}, where thousands of people were evacuated."],
        },
        new()
        {
            Key = "migration", Section = "world", Where = Where.Port, UsesBloc = true,
            Tags = ["migration", "human-rights"], Scenes = [Scene.Map, Scene.Port], Subject = "the migration policy",
            Headlines =
            [
                "Rescue ship docks in {city} with {num} people on board",
                "{Country} tightens rules at reception centres as arrivals rise",
                "Aid groups warn of overcrowding at {city} reception centre",
                "{bloc} partners clash over sharing responsibility for new arrivals",
            ],
            Standfirsts =
            [
                "Officials say arrivals have risen sharply this year. Aid groups say the response has been slow and poorly coordinated.",
                "The government insists the new rules are fair and temporary. Human rights organisations say they risk breaking international obligations.",
            ],
            Leads =
            [
                "A rescue ship carrying {num} people, including dozens of children, docked in {city} on {day} after several days at sea, days after the {adj} government announced tighter rules for reception centres.",
                "The {adj} government announced tighter rules for reception centres on {day}, as a rescue ship carrying {num} people docked in {city} and officials said arrivals had risen by {pct2} percent compared with the same period last year.",
            ],
            Details =
            [
                "Medical teams on the quayside treated several people for dehydration and exposure, and {small} were taken to hospital, port officials said.",
                "The reception centre on the edge of {city} was designed for a few hundred people but has housed more than twice that number for much of the past month, according to aid workers.",
                "Under the new rules, applications are to be processed within {weeks}, and people whose claims are rejected can be moved to closed facilities while appeals are heard.",
                "The interior ministry said it would hire additional caseworkers and open a second centre near {city2} before the end of the year.",
            ],
            Subheads = ["Conditions at the centre", "A divided response", "The numbers behind the debate"],
            P1 = [new("the {adj} interior minister", "interior minister, {country}"), new("a spokesperson for the interior ministry", "spokesperson, interior ministry")],
            P1Quotes =
            [
                "Our system has to be humane, but it also has to work, and right now it is under enormous strain",
                "We are asking our partners to share responsibility, not to lecture us from a distance",
                "These measures are temporary and they are proportionate to the situation we face",
            ],
            P2 = [new("the coordinator of the Safe Harbour aid network", "coordinator, Safe Harbour network"), new("a lawyer who represents several asylum seekers", "asylum lawyer")],
            P2Quotes =
            [
                "People who have survived a crossing like this need care and legal advice, not another fence",
                "Speed is fine, but not when it means people have no real chance to make their case",
                "We have volunteers sleeping at the centre because there are not enough staff",
            ],
            Next =
            [
                "The measures are due to come into force next month, and the opposition has said it will challenge them in court.",
                "Ministers from the region are due to discuss the issue again at a meeting in {capital} later this month.",
            ],
            Captions = ["The port of {city}, where the rescue ship docked on {day}.", "The coastline near {city}, a common landing point for boats."],
        },
        new()
        {
            Key = "wildfire", Section = "world", Where = Where.Any,
            Tags = ["wildfires", "climate", "drought"], Scenes = [Scene.Landscape], Subject = "the fires",
            Headlines =
            [
                "Wildfires force evacuations near {city}",
                "Firefighters battle blazes in hills above {city} as heatwave continues",
                "{Country} asks neighbours for water bombers as fires spread",
                "Villages near {city} evacuated as wind fans wildfires",
            ],
            Standfirsts =
            [
                "More than {num} firefighters are tackling several fronts, helped by aircraft. Strong winds are making the work harder.",
                "Temperatures above 40C and months without rain have left the countryside tinder-dry, officials say.",
            ],
            Leads =
            [
                "Several villages in the hills outside {city} were evacuated on {day} as wildfires driven by strong winds spread across dry scrubland and forest.",
                "Firefighters in {country} were battling {small} large fires on {day}, the worst of them in the hills above {city}, where flames came within a few hundred metres of houses.",
            ],
            Details =
            [
                "Officials said about {big} hectares had burned since the weekend, and that {small} homes and several farm buildings had been destroyed.",
                "Water-bombing aircraft flew repeated sorties over the area, while ground crews cut fire breaks through pine forest and olive groves.",
                "The region has had almost no rain since spring, and forecasters said temperatures would remain well above average for at least another week.",
                "Police closed the main road between {city} and {city2}, and residents were told to keep windows shut because of heavy smoke.",
            ],
            Subheads = ["Against the wind", "A long, dry summer", "Homes lost"],
            P1 = [new("the regional fire chief", "regional fire chief"), new("the mayor of {city}", "mayor of {city}")],
            P1Quotes =
            [
                "The wind changed direction twice in an hour, and that is what makes these fires so dangerous",
                "We have every available crew on the line and aircraft in the air from first light",
                "If you are told to leave, please leave. Houses can be rebuilt",
            ],
            P2 = [new("a farmer who lost part of his land", "farmer, {city} region"), new("a forestry researcher at the University of {city2}", "forestry researcher, University of {city2}")],
            P2Quotes =
            [
                "We watched the fire come over the ridge and there was nothing we could do",
                "Abandoned farmland and unmanaged forest have created a landscape that is ready to burn",
                "Prevention is cheaper than firefighting, but it does not make for dramatic pictures",
            ],
            Next =
            [
                "Authorities said the fires were not yet under control and that more evacuations could be ordered overnight.",
                "Investigators are trying to establish how the fires started; officials said at least one may have been caused by sparks from farm machinery.",
            ],
            Captions = ["Dry hills outside {city}, where firefighters are battling several blazes.", "Smoke hangs over the countryside near {city}."],
        },
        new()
        {
            Key = "protest", Section = "world", Where = Where.Capital,
            Tags = ["protests", "human-rights"], Scenes = [Scene.Skyline, Scene.Parliament], Subject = "the protests",
            Vars = new() { ["cause"] = ["fuel prices|energy", "a new housing law|housing", "changes to the pension age|labour", "a proposed media law|human-rights", "cuts to university funding|education", "rising public transport fares|transport"] },
            Headlines =
            [
                "Tens of thousands march in {city} over {cause}",
                "Protesters fill central {city} in largest rally for years",
                "Police and protesters clash in {city} as anger over {cause} grows",
                "Unions call national day of action over {cause}",
            ],
            Standfirsts =
            [
                "Organisers say the march was the biggest in the capital for a decade. The government says it will not back down.",
                "The demonstrations began peacefully but turned tense in the evening. Several people were detained.",
            ],
            Leads =
            [
                "Tens of thousands of people marched through central {city} on {day} to protest against {cause}, in one of the largest demonstrations the {adj} capital has seen in years.",
                "Protesters gathered outside government buildings in {city} on {day} as anger over {cause} spread beyond the unions and student groups that first organised the rallies.",
            ],
            Details =
            [
                "Police estimated the crowd at about {big}, while organisers put it at more than twice that number.",
                "Marchers carried hand-painted banners and chanted slogans as they passed the parliament building, where riot police had formed lines across side streets.",
                "Late in the evening, small groups threw bottles at police, who responded with tear gas. Authorities said {small} officers were slightly injured and dozens of people were detained.",
                "The protests were called by a coalition of unions, student organisations and neighbourhood groups, which say they will keep marching until the plans are withdrawn.",
            ],
            Subheads = ["Who is marching", "A government under pressure", "Tension after dark"],
            P1 = [new("one of the organisers of the march", "organiser, Citizens' Coalition"), new("the leader of the largest trade union confederation", "leader, National Union Confederation")],
            P1Quotes =
            [
                "People are not marching because they enjoy it. They are marching because they feel nobody is listening",
                "This is not about one law. It is about whether working people have a voice at all",
                "We will keep coming back, every week if necessary, until the government talks to us",
            ],
            P2 = [new("a government spokesperson", "government spokesperson, {country}"), new("a minister in the {adj} government", "minister, {country}")],
            P2Quotes =
            [
                "The right to protest is fundamental, but the government has a mandate and will carry out its programme",
                "Violence against the police is unacceptable and those responsible will be held to account",
                "Our door is open to dialogue, but not to ultimatums",
            ],
            Next =
            [
                "Unions have called a national strike for next week, which could disrupt transport and schools across the country.",
                "Parliament is due to vote on the measures later this month.",
            ],
            Captions = ["Central {city}, where tens of thousands of people marched on {day}.", "Government buildings in {city} were guarded by police during the protest."],
        },

        // ============================================================ POLITICS
        new()
        {
            Key = "election", Section = "politics", Where = Where.Capital,
            Tags = ["elections", "parliament"], Scenes = [Scene.Parliament, Scene.Chart], Subject = "the election",
            Vars = new() { ["party"] = ["the Civic Alliance", "the People's Renewal Party", "the Green Progress list", "the Centre Union", "the Social Democratic Movement", "the Liberal Forum"], ["rival"] = ["the National Labour Party", "the Conservative Front", "the Democratic Rally", "the Citizens' Movement"] },
            Headlines =
            [
                "{party} comes first in {adj} election, {rival} close behind",
                "{adj} election: {party} wins most seats but falls short of majority",
                "Coalition talks begin in {city} after inconclusive election",
                "{party} claims victory in {adj} election as turnout rises",
                "Voters hand {party} narrow win in {adj} election",
            ],
            Standfirsts =
            [
                "Preliminary results give {party} about {pct2} percent of the vote. Forming a government could take weeks.",
                "Turnout rose for the first time in a decade. Analysts say the cost of living dominated the campaign.",
            ],
            Leads =
            [
                "{party} emerged as the largest party in the {adj} parliamentary election on {day}, according to preliminary results, but fell well short of a majority, setting the stage for difficult coalition talks in {city}.",
                "{party} claimed victory in the {adj} parliamentary election on {day} after an unexpectedly strong showing in the cities, though it will need at least one partner to govern.",
            ],
            Details =
            [
                "With most votes counted, {party} had about {pct2} percent, ahead of {rival}, the election commission said. Smaller parties did well in the cities, particularly in {city2}.",
                "Turnout was estimated at {pct2} percent, up from the last election, with long queues reported at polling stations in university towns.",
                "The campaign was dominated by housing costs and waiting times for health care, with both main parties promising more public investment without raising income tax.",
                "Several newcomers won seats for the first time, including a list founded less than a year ago by a group of local mayors.",
            ],
            Subheads = ["The arithmetic of coalition", "What voters wanted", "Winners and losers"],
            P1 = [new("the leader of {party}", "party leader"), new("the campaign director of {party}", "campaign director")],
            P1Quotes =
            [
                "Tonight voters have asked us to lead, and we will reach out to everyone who shares our priorities",
                "This result is a mandate for change, and we intend to honour it",
                "We listened to people in every town and village, and they told us what they wanted",
            ],
            P2 = [new("the leader of {rival}", "leader, {rival}"), new("a senior figure in {rival}", "senior member, {rival}")],
            P2Quotes =
            [
                "The numbers show that the country is divided, and nobody should pretend otherwise",
                "We will be a constructive opposition, but we will not be a silent one",
                "It is far too early to talk about who will govern",
            ],
            Next =
            [
                "The president is expected to begin consultations with party leaders next week, and analysts say forming a coalition could take {weeks} or more.",
                "Final results are expected within days, after postal votes and ballots from overseas have been counted.",
            ],
            Captions = ["The parliament in {city}, where coalition talks are expected to begin.", "Parliament in {city} on election day."],
        },
        new()
        {
            Key = "budget", Section = "politics", Where = Where.Capital,
            Tags = ["budget", "tax", "parliament"], Scenes = [Scene.Parliament, Scene.Chart], Subject = "the budget",
            Vars = new() { ["priority"] = ["defence spending", "public housing|housing", "hospitals and care homes|hospitals", "rail and road repairs|transport", "schools|education", "energy subsidies|energy"] },
            Headlines =
            [
                "{adj} government unveils budget with more money for {priority}",
                "Budget row threatens {adj} coalition as deadline nears",
                "Parliament approves budget after marathon debate in {city}",
                "Finance minister defends spending plans as deficit widens",
            ],
            Standfirsts =
            [
                "The plan raises spending on {priority} while trimming other departments. Economists question the growth forecasts behind it.",
                "The vote was closer than expected, with several coalition lawmakers abstaining.",
            ],
            Leads =
            [
                "The {adj} government presented its budget for the coming year on {day}, promising an extra {money} for {priority} while holding income tax rates steady.",
                "Lawmakers in {city} approved the government's budget late on {day} after a debate that lasted more than fourteen hours and exposed tensions inside the governing coalition.",
            ],
            Details =
            [
                "The deficit is forecast to reach {pct} percent of economic output, higher than the government had promised a year ago, the finance ministry's documents show.",
                "To help pay for the increases, the plan raises taxes on tobacco, alcohol and short-term rentals and trims the budgets of several ministries.",
                "The independent fiscal council said the growth forecasts underpinning the budget were optimistic but not unreasonable.",
                "Regional governments complained that transfers from the centre had not kept pace with inflation, leaving them to make cuts to local services.",
            ],
            Subheads = ["Who gains, who pays", "Doubts over the numbers", "Cracks in the coalition"],
            P1 = [new("the {adj} finance minister", "finance minister, {country}"), new("the prime minister", "prime minister, {country}")],
            P1Quotes =
            [
                "This is a budget that invests in the things people rely on every day, without passing the bill to the next generation",
                "We have made choices, and some of them are difficult, but the public finances are on a sustainable path",
                "Nobody will find everything they want in this budget, and that is a sign it is balanced",
            ],
            P2 = [new("the opposition's finance spokesperson", "opposition finance spokesperson"), new("an economist at the Fiscal Studies Institute", "economist, Fiscal Studies Institute")],
            P2Quotes =
            [
                "The government is spending money it does not have on promises it cannot keep",
                "The headline figures look generous, but once you account for inflation several departments face real cuts",
                "This budget postpones hard decisions rather than making them",
            ],
            Next =
            [
                "The budget now goes to the upper house, which is expected to approve it before the end of the month.",
                "Ministries have been told to present detailed spending plans within {weeks}.",
            ],
            Captions = ["The parliament in {city}, where lawmakers debated the budget.", "The finance ministry in {city}."],
        },
        new()
        {
            Key = "inquiry", Section = "politics", Where = Where.Capital,
            Tags = ["corruption", "courts"], Scenes = [Scene.Parliament, Scene.Skyline], Subject = "the inquiry",
            Vars = new() { ["contract"] = ["a hospital construction contract|hospitals", "the purchase of military vehicles", "a motorway concession|transport", "emergency medical supplies|public-health", "the sale of state-owned land|housing", "a port expansion tender|shipping"] },
            Headlines =
            [
                "Prosecutors open inquiry into {contract} in {country}",
                "Minister denies wrongdoing over {contract}",
                "Parliament committee to question officials over {contract}",
                "Police search ministry offices in {city} in contracts investigation",
            ],
            Standfirsts =
            [
                "Investigators are examining whether rules were broken in awarding {contract}. The minister says she acted properly.",
                "Opposition parties have demanded resignations. The government says it will cooperate fully.",
            ],
            Leads =
            [
                "Prosecutors in {country} said on {day} they had opened a formal investigation into how {contract} was awarded, after a newspaper report raised questions about the tender process.",
                "Police searched offices at a government ministry in {city} on {day} as part of an investigation into {contract}, prosecutors said, in a case that has shaken the governing coalition.",
            ],
            Details =
            [
                "The contract, worth about {money}, was awarded to a consortium of companies without a competitive tender, according to documents published by the investigative outlet that first reported the story.",
                "Prosecutors said they were examining possible offences including abuse of office and bid rigging, and that no one had yet been charged.",
                "The parliamentary audit committee has scheduled hearings for next month and asked {small} senior officials to give evidence.",
                "Transparency campaigners said the case showed the need for a public register of lobbying meetings, which the government promised two years ago but has not introduced.",
            ],
            Subheads = ["How the contract was awarded", "Political fallout", "What happens next"],
            P1 = [new("a spokesperson for the prosecutor's office", "spokesperson, public prosecutor's office")],
            P1Quotes =
            [
                "We will follow the evidence wherever it leads, regardless of who is involved",
                "Nobody is above the law, and that includes people in government",
                "It is too early to draw conclusions, and I would urge everyone to let the investigation do its work",
            ],
            P2 = [new("a lawyer for the ministry", "lawyer for the ministry"), new("a spokesperson for the governing party", "spokesperson, governing party")],
            P2Quotes =
            [
                "All procedures were followed, and we are confident that the investigation will confirm this",
                "This is a political campaign dressed up as a legal one",
                "The ministry has handed over every document requested and will continue to cooperate",
            ],
            Next =
            [
                "The prosecutor's office said it expected to complete the first phase of its investigation within {months}.",
                "The opposition has filed a motion of no confidence, which is due to be debated next week.",
            ],
            Captions = ["Government offices in {city}, which were searched by police.", "The parliament building in {city}."],
        },
        new()
        {
            Key = "resignation", Section = "politics", Where = Where.Capital,
            Tags = ["parliament"], Scenes = [Scene.Parliament], Subject = "the resignation",
            Vars = new() { ["portfolio"] = ["health|hospitals", "transport|transport", "education|education", "housing|housing", "energy|energy", "agriculture|agriculture", "justice|courts"] },
            Headlines =
            [
                "{adj} {portfolio} minister resigns after weeks of pressure",
                "Prime minister names new {portfolio} minister after surprise resignation",
                "{adj} cabinet reshuffle brings in new faces at {portfolio} and finance",
                "{portfolio} minister quits, citing disagreement over reforms",
            ],
            Standfirsts =
            [
                "The resignation is the third from the cabinet this year. The prime minister thanked the minister for her service and promised continuity.",
                "The departure follows a row over funding. Critics say it exposes deep rifts inside the coalition.",
            ],
            Leads =
            [
                "The {adj} {portfolio} minister resigned on {day} after weeks of pressure over a series of delayed reforms, becoming the third member of the cabinet to step down this year.",
                "The {adj} prime minister reshuffled the cabinet on {day}, appointing a new {portfolio} minister and moving several junior ministers, in an attempt to regain the initiative before next year's election.",
            ],
            Details =
            [
                "In a letter published on social media, the outgoing minister said she could no longer defend policies she had not been allowed to shape.",
                "The new minister, a former regional governor, is seen as a pragmatist with good relations across the coalition.",
                "The ministry has been at the centre of controversy since a flagship programme went {pct2} percent over budget and years behind schedule.",
                "Opposition parties said the reshuffle changed faces but not policies, and called for an early election.",
            ],
            Subheads = ["Why she left", "A government reshuffled", "The road to the election"],
            P1 = [new("the prime minister", "prime minister, {country}"), new("a spokesperson for the prime minister's office", "spokesperson, prime minister's office")],
            P1Quotes =
            [
                "I want to thank her for years of service, and I am confident her successor will carry the work forward",
                "A government is a team, and teams change. What matters is that the work continues",
                "We have a clear programme and a clear majority, and we will deliver on both",
            ],
            P2 = [new("the leader of the opposition", "leader of the opposition"), new("a veteran member of the governing party", "member of parliament, governing party")],
            P2Quotes =
            [
                "When ministers start leaving faster than they can be replaced, the government has lost its way",
                "This is not a reshuffle, it is a rescue operation",
                "I am sorry to see her go. She said what many of us think in private",
            ],
            Next =
            [
                "The new minister is due to be sworn in on Monday and will face questions in parliament later in the week.",
                "Polls suggest the governing coalition has lost support in recent months, with the next election due within two years.",
            ],
            Captions = ["The seat of government in {city}, where the new minister will be sworn in.", "The parliament building in {city}."],
        },

        // ============================================================ BUSINESS
        new()
        {
            Key = "port-strike", Section = "business", Where = Where.Port,
            Tags = ["labour", "shipping", "trade"], Scenes = [Scene.Port], Subject = "the strike",
            Vars = new() { ["union"] = ["the Dockworkers' Union", "the Harbour Workers' Federation", "the Port and Transport Union"] },
            Headlines =
            [
                "Port of {city} at standstill as dockworkers strike over pay",
                "Ships queue off {city} as port strike enters second week",
                "Dockworkers in {city} walk out after pay talks collapse",
                "{city} port strike disrupts supply chains across {country}",
                "Unions and port operators resume talks as {city} strike bites",
            ],
            Standfirsts =
            [
                "Dozens of container ships are waiting at anchor as the stoppage spreads. Retailers warn of shortages if it continues.",
                "The union wants a pay rise that keeps pace with inflation and limits on automation. Operators say the demands are unaffordable.",
            ],
            Leads =
            [
                "Dockworkers at the port of {city} walked out on {day}, halting the loading and unloading of container ships after talks over pay and automation broke down late the previous evening.",
                "More than {num} ships were waiting at anchor off {city} on {day} as a strike by dockworkers entered its second week, causing delays for manufacturers and retailers across {country}.",
            ],
            Details =
            [
                "{union}, which represents about {big} workers at the port, is seeking a pay increase of {pct} percent over two years and guarantees that automated cranes will not lead to job losses.",
                "The port handles roughly a third of the country's container traffic, and freight companies said they had begun diverting cargo to {city2} and to ports in neighbouring countries.",
                "Terminal operators have offered a smaller increase and a retraining fund, but say they cannot accept limits on technology that competing ports are already using.",
                "Retail associations warned that supermarket shelves could start to empty of some imported goods within a week if the stoppage continued.",
                "The strike has also hit exporters: car makers and chemical plants inland said finished goods were piling up in warehouses and car parks.",
            ],
            Subheads = ["Automation at the heart of the dispute", "Ripple effects", "Talks and tactics"],
            P1 = [new("a spokesperson for {union}", "spokesperson, {union}"), new("the general secretary of {union}", "general secretary, {union}")],
            P1Quotes =
            [
                "We will not accept a deal that cuts our members' real pay while the terminals report record profits",
                "Nobody wants to strike, but our members have been patient for two years and got nothing for it",
                "Machines can move boxes, but they cannot make up for the people who keep this port safe",
                "We are ready to talk at any hour, but we need a serious offer on the table",
            ],
            P2 = [new("the chief executive of the {city} Terminal Operators' Association", "chief executive, {city} Terminal Operators' Association")],
            P2Quotes =
            [
                "Our offer is fair and it is the best in the sector, but we cannot freeze the port in the past",
                "Every day of this strike sends business to our competitors, and some of it will never come back",
                "We respect the right to strike, but the whole economy is paying the price",
            ],
            Next =
            [
                "A government-appointed mediator is due to meet both sides on Monday. The union has said further stoppages could follow if no agreement is reached.",
                "Shipping lines said it would take at least {weeks} to clear the backlog once work resumes.",
            ],
            Captions = ["Idle cranes at the port of {city} during the strike.", "Containers stacked on the quay in {city}."],
        },
        new()
        {
            Key = "rates", Section = "business", Where = Where.Capital,
            Tags = ["interest-rates", "central-banks", "inflation"], Scenes = [Scene.Chart, Scene.Skyline], Subject = "the rate decision",
            Vars = new() { ["move"] = ["raises", "cuts", "holds"], ["trend"] = ["eases", "accelerates", "slows", "edges up", "surprises economists"], ["rate"] = ["3.25", "3.5", "4.0", "4.75", "5.25", "2.75"] },
            Headlines =
            [
                "{adj} central bank {move} interest rates as inflation {trend}",
                "Central bank {move} rates, signals caution on next steps",
                "Markets rally after {adj} central bank decision",
                "Central bank {move} rates despite warnings from business",
            ],
            Standfirsts =
            [
                "The main policy rate now stands at {rate} percent. The bank said future decisions would depend on the data.",
                "Consumer prices rose {pct} percent in the year to last month, official figures show. Economists expect borrowing costs to stay high for longer.",
            ],
            Leads =
            [
                "The {adj} central bank {move} its main interest rate on {day}, leaving borrowing costs at {rate} percent, as policymakers weighed slowing growth against inflation that remains above target.",
                "Policymakers at the {adj} central bank {move} interest rates on {day}, leaving the main rate at {rate} percent, as new figures showed inflation still running above the bank's target.",
            ],
            Details =
            [
                "The decision was taken by a majority of the monetary policy committee, with {small} members voting for a different course, minutes published alongside the statement showed.",
                "Food and energy prices have been the main drivers of inflation, though services prices, including rents and insurance, have also risen faster than expected.",
                "The national currency strengthened slightly after the announcement, and the main stock index in {city} closed {pct} percent higher.",
                "Mortgage lenders said they expected fixed-rate deals to remain broadly unchanged, as markets had largely anticipated the decision.",
            ],
            Subheads = ["Inside the decision", "What it means for borrowers", "Market reaction"],
            P1 = [new("the governor of the central bank", "governor, central bank of {country}"), new("a deputy governor of the central bank", "deputy governor, central bank of {country}")],
            P1Quotes =
            [
                "We are not on a pre-set course. Every decision will be taken meeting by meeting, based on the evidence",
                "Inflation has come down, but the last part of the journey is often the hardest",
                "Our mandate is price stability, and we will do what is necessary to deliver it",
            ],
            P2 = [new("the head of a small business federation", "president, Federation of Small Enterprises")],
            P2Quotes =
            [
                "Small firms cannot borrow to invest at these rates, and that will hurt growth for years",
                "Our members are putting off investment and hiring until rates come down",
                "The bank is fighting yesterday's inflation with tomorrow's jobs",
            ],
            Next =
            [
                "The bank will publish updated economic forecasts with its next decision, due in {weeks}.",
                "Economists surveyed before the meeting expect the next move to come early next year.",
            ],
            Captions = ["The financial district of {city}, where the central bank has its headquarters.", "Market data charted after the central bank's decision."],
        },
        new()
        {
            Key = "takeover", Section = "business", Where = Where.Any,
            Tags = ["mergers", "manufacturing"], Scenes = [Scene.Chart, Scene.Skyline], Subject = "the takeover",
            Vars = new() { ["company"] = ["Halvorsen Logistics|shipping", "Kestrel Foods|agriculture", "Arcadia Motors", "Bluecoast Energy|energy", "Vantor Chemicals", "Meridale Pharma|medicines", "Orbis Steel", "Sundvall Paper", "Corvan Engineering"], ["buyer"] = ["Tessaro Holdings", "Greyfield Partners", "Atlas & Grove", "Norrland Industries"] },
            Headlines =
            [
                "{company} agrees {money} takeover by {buyer}",
                "{company} shares jump on takeover bid from {buyer}",
                "{buyer} swoops on {company} in {money} deal",
                "{company} board backs sale to {buyer}",
            ],
            Standfirsts =
            [
                "The deal would create one of the largest groups in its sector. Regulators and unions will scrutinise it closely.",
                "The offer values the company well above its recent share price. Some investors say it is still too low.",
            ],
            Leads =
            [
                "{company}, which is based in {city}, said on {day} it had agreed to be bought by {buyer} in a deal valuing the company at about {money}, including debt.",
                "Shares in {company} jumped on {day} after the company confirmed it had received a takeover offer from {buyer} worth about {money}, and that its board was minded to recommend it.",
            ],
            Details =
            [
                "Shares in {company} rose sharply in early trading before settling about {pct} percent higher, still below the offer price.",
                "The company employs about {big} people, most of them at sites in {city} and {city2}, and has been restructuring for several years after losing market share to cheaper rivals.",
                "{buyer} said it would keep the company's headquarters in {city} for at least five years and invest in its plants, but gave no guarantees on jobs.",
                "Bankers familiar with the deal said at least one other bidder had looked at the company earlier in the year but walked away.",
            ],
            Subheads = ["The terms of the deal", "What it means for workers", "A crowded market"],
            P1 = [new("the chief executive of {company}", "chief executive, {company}"), new("the chair of {company}", "chair, {company}")],
            P1Quotes =
            [
                "This gives us the scale and the investment we need to compete for the next decade",
                "Our customers will see no change except better service and more investment",
                "The board looked carefully at every option, and this is the best one for shareholders and staff",
            ],
            P2 = [new("a works council representative at {company}", "works council, {company}")],
            P2Quotes =
            [
                "We have heard promises before. We want them in writing",
                "Nobody has explained what this means for the people on the factory floor",
                "Staff learned about this from the news, which says a lot about how it was handled",
            ],
            Next =
            [
                "The deal requires approval from competition authorities and is expected to close within {months}.",
                "Shareholders will vote on the offer at a meeting expected in {weeks}.",
            ],
            Captions = ["The business district of {city}, where {company} has its headquarters.", "Share price movements for {company} over recent weeks."],
        },
        new()
        {
            Key = "earnings", Section = "business", Where = Where.Any,
            Tags = ["manufacturing", "inflation"], Scenes = [Scene.Chart], Subject = "the results",
            Vars = new() { ["company"] = ["Halvorsen Logistics|shipping", "Kestrel Foods|agriculture", "Arcadia Motors", "Bluecoast Energy|energy", "Larkspur Retail", "Orbis Steel", "Sundvall Paper", "Corvan Engineering"], ["direction"] = ["falls", "drops", "slides"] },
            Headlines =
            [
                "{company} profit {direction} {pct} percent as demand weakens",
                "{company} warns of tough year after weak quarter",
                "{company} shares fall as costs bite",
                "{company} cuts forecast, blaming energy and wage costs",
            ],
            Standfirsts =
            [
                "The {city} company blamed weaker orders and higher costs. Its shares fell in early trading.",
                "Management says savings will start to show later in the year. Analysts are not so sure.",
            ],
            Leads =
            [
                "{company} reported a {pct} percent fall in quarterly operating profit on {day}, citing weaker orders from its biggest customers and higher energy and wage costs.",
                "{company}, one of the largest employers in {city}, cut its full-year forecast on {day} after a quarter in which sales slowed and costs kept rising.",
            ],
            Details =
            [
                "Revenue was broadly flat compared with a year earlier, but margins narrowed as the company absorbed higher prices for raw materials and transport.",
                "The company employs about {big} people, most of them at sites in {city} and {city2}, and said it would look for savings of {millions} over two years.",
                "Shares fell about {pct} percent in early trading before recovering some of their losses.",
                "Analysts said the results were slightly better than feared, and that the order book had started to recover towards the end of the quarter.",
            ],
            Subheads = ["Behind the numbers", "Costs and prices", "What investors want"],
            P1 = [new("the chief executive of {company}", "chief executive, {company}"), new("the chief financial officer of {company}", "chief financial officer, {company}")],
            P1Quotes =
            [
                "The quarter was tough, but we have taken the decisions needed to return to growth",
                "We are not waiting for the market to turn. We are fixing what is in our control",
                "Our customers are cautious, and we understand why",
            ],
            P2 = [new("a fund manager who holds shares in {company}", "fund manager"), new("an analyst who follows {company}", "equity analyst")],
            P2Quotes =
            [
                "Investors have been patient, but patience is running out",
                "The cost savings are welcome, but they do not replace a strategy",
                "The company is running to stand still",
            ],
            Next =
            [
                "{company} will publish its full-year results in {weeks}.",
                "The company will hold an investor day next month, where it is expected to set out its savings plan in more detail.",
            ],
            Captions = ["Share price movements for {company} over recent weeks.", "Quarterly figures for {company}, charted."],
        },
        new()
        {
            Key = "factory", Section = "business", Where = Where.Any,
            Tags = ["manufacturing", "labour"], Scenes = [Scene.Skyline, Scene.Landscape, Scene.Chart], Subject = "the plant closure",
            Vars = new() { ["maker,product"] = ["Arcadia Motors;car parts", "Vantor Chemicals;industrial chemicals", "Orbis Steel;steel coil", "Corvan Engineering;turbine components|energy", "Tallis Glass;glass panels", "Northline Cable Works;electric cables"] },
            Headlines =
            [
                "{maker} to close {city} plant with loss of {num} jobs",
                "Workers occupy {maker} factory in {city} to fight closure",
                "Anger in {city} as {maker} confirms plant closure",
                "Government steps in to save {maker} factory in {city}",
            ],
            Standfirsts =
            [
                "The company blames high energy costs and weak demand. Unions say the plant is profitable and should be sold, not shut.",
                "The plant has been one of the area's largest employers for decades. Local officials are pressing for a buyer to be found.",
            ],
            Leads =
            [
                "{maker} said on {day} it would close its plant in {city}, which makes {product}, putting about {num} jobs at risk at a site that has been one of the area's largest employers for decades.",
                "Workers at the {maker} plant in {city} occupied the factory on {day}, a day after the company confirmed it would close the site, which makes {product} and employs about {num} people.",
            ],
            Details =
            [
                "The company said energy costs at the site had risen by {pct2} percent in three years and that demand for {product} at home and abroad had weakened.",
                "Workers gathered at the factory gates within hours of the announcement, and the union called a meeting for the following morning.",
                "Regional officials said they had offered the company subsidies and cheaper land, and that negotiations had gone on for several months.",
                "The union says the plant's order book was full until recently and has commissioned its own review of the site's finances.",
            ],
            Subheads = ["A factory and its neighbours", "The cost of energy", "What the government can do"],
            P1 = [new("a spokesperson for {maker}", "spokesperson, {maker}")],
            P1Quotes =
            [
                "This was a difficult decision, taken after looking at every alternative",
                "The market for {product} has changed, and we have to change with it",
                "We will work with the workforce to find solutions for every employee",
            ],
            P2 = [new("the union representative at the plant", "union representative, {maker} {city} plant"), new("the mayor of {city}", "mayor of {city}")],
            P2Quotes =
            [
                "Three generations of families have worked here. You do not close that with a press release",
                "The plant makes money. This is about moving production to wherever wages are lowest",
                "We will do everything in our power to keep this factory open",
            ],
            Next =
            [
                "Consultations with employee representatives are due to begin next week. The company said the closure would be phased over {months}.",
                "The economy ministry said it would convene talks with the company and the unions within days.",
            ],
            Captions = ["The industrial area of {city}, home to the {maker} plant.", "The outskirts of {city}, where the factory has stood for decades."],
        },
        new()
        {
            Key = "trade", Section = "business", Where = Where.Port, UsesBloc = true,
            Tags = ["trade", "shipping"], Scenes = [Scene.Port, Scene.Map, Scene.Chart], Subject = "the trade deal",
            Vars = new() { ["goods"] = ["steel", "grain|agriculture", "electric vehicles", "solar panels|renewables", "fish|oceans", "wine and cheese|agriculture", "fertiliser|agriculture"] },
            Headlines =
            [
                "{Country} signs trade deal cutting tariffs on {goods}",
                "Exporters in {city} welcome end of tariffs on {goods}",
                "{Country} agrees to phase out duties on {goods}",
                "{adj} exports of {goods} hit record as new markets open",
            ],
            Standfirsts =
            [
                "The agreement removes most duties over {months}. Farmers and manufacturers are divided over its effect.",
                "Exporters have welcomed the deal. Farmers fear cheaper imports will undercut them.",
            ],
            Leads =
            [
                "{Country} signed a trade agreement on {day} that will phase out tariffs on {goods} over {months}, a deal officials said would make it easier for exporters in {city} and elsewhere to reach new markets.",
                "Exporters in {city} welcomed a trade agreement signed on {day} that will phase out tariffs on {goods} over {months}, saying it would open markets that had been all but closed to them.",
            ],
            Details =
            [
                "Trade in {goods} between the two sides was worth about {money} last year, according to customs data, and has grown by roughly {pct} percent a year over the past decade.",
                "The agreement also includes chapters on labour standards, environmental protection and the mutual recognition of safety certificates.",
                "Shipping companies said they expected cargo volumes through {city} to rise once the first tariff cuts take effect.",
                "Industry groups representing smaller producers warned that they could be squeezed by larger, cheaper competitors once protections are removed.",
            ],
            Subheads = ["What changes for exporters", "Winners and losers", "Politics of trade"],
            P1 = [new("the {adj} trade minister", "trade minister, {country}"), new("the head of the {adj} exporters' association", "president, {adj} Exporters' Association")],
            P1Quotes =
            [
                "This agreement opens doors for our companies, especially the small ones that could never afford the old duties",
                "Open trade only works if everyone plays by the same rules",
                "Our producers are competitive. What they need is a fair chance",
            ],
            P2 = [new("the president of a farmers' union", "president, National Farmers' Union"), new("a trade economist at the University of {city2}", "trade economist, University of {city2}")],
            P2Quotes =
            [
                "Farmers were promised protection and got a transition period instead",
                "Trade deals are negotiated for big exporters; small producers read about them afterwards",
                "The gains will be real but slow, and the losses will be fast and concentrated",
            ],
            Next =
            [
                "The agreement must still be ratified by parliament, where several parties have expressed reservations.",
                "The first tariff cuts are due to take effect at the start of next year.",
            ],
            Captions = ["The port of {city}, a key exit point for {goods}.", "Trade routes out of {city}, shown on a map."],
        },

        // ============================================================ TECHNOLOGY
        new()
        {
            Key = "ai-rules", Section = "technology", Where = Where.Capital, UsesBloc = true,
            Tags = ["artificial-intelligence", "privacy"], Scenes = [Scene.Circuit, Scene.Parliament], Subject = "the AI rules",
            Vars = new() { ["use"] = ["facial recognition in public spaces", "automated hiring tools", "chatbots used by public services", "AI-generated political advertising", "algorithmic credit scoring"] },
            Headlines =
            [
                "{Country} proposes strict limits on {use}",
                "Lawmakers in {city} back new rules for artificial intelligence",
                "Tech firms warn {adj} AI law could stifle start-ups",
                "Regulator opens review of {use} after complaints",
            ],
            Standfirsts =
            [
                "The draft law would require companies to explain how their systems reach decisions. Industry groups say it goes too far.",
                "Civil liberties groups welcomed the move but said loopholes remain for police and security services.",
            ],
            Leads =
            [
                "The {adj} government published draft legislation on {day} that would place strict limits on {use}, part of a wider push to regulate artificial intelligence before it becomes embedded in public life.",
                "Lawmakers in {city} voted on {day} to back a framework for regulating artificial intelligence, including new obligations for companies that deploy {use}.",
            ],
            Details =
            [
                "Under the proposal, companies would have to register high-risk systems, keep records of how they were trained and allow independent audits.",
                "Fines for breaches could reach {pct} percent of a company's global turnover, a level similar to existing data-protection rules.",
                "The data-protection regulator said it had received more than {num} complaints about {use} in the past year, many of them from people who did not know an automated system had been involved.",
                "Tech industry groups said the definitions in the draft were too broad and would catch ordinary software that poses little risk.",
            ],
            Subheads = ["What the law would require", "Industry pushback", "Rights and risks"],
            P1 = [new("the {adj} minister for digital affairs", "minister for digital affairs, {country}"), new("the lawmaker who drafted the proposal", "member of parliament and rapporteur")],
            P1Quotes =
            [
                "People have a right to know when a machine is making decisions about their lives, and to challenge those decisions",
                "Innovation and protection are not opposites. Good rules build the trust that new technology needs",
                "We are not regulating mathematics. We are regulating how powerful tools are used on people",
            ],
            P2 = [new("the director of a tech industry association", "director, Digital Industry Association"), new("the founder of an AI start-up in {city}", "founder, Quillby AI")],
            P2Quotes =
            [
                "Large companies can afford armies of compliance lawyers. Start-ups cannot",
                "The intention is good, but the text is vague enough to scare away investors",
                "We support rules. We just want rules that engineers can actually follow",
            ],
            Next =
            [
                "The draft is open for public consultation for {weeks}, after which it will go to parliament.",
                "The rules would take effect in stages over two years, with the strictest provisions applying first to public bodies.",
            ],
            Captions = ["Circuitry of the kind used in AI data centres.", "The parliament in {city}, where lawmakers debated the proposal."],
        },
        new()
        {
            Key = "cyberattack", Section = "technology", Where = Where.Any,
            Tags = ["cybersecurity"], Scenes = [Scene.Circuit], Subject = "the hack",
            Vars = new() { ["target"] = ["the city council", "a regional hospital group|hospitals", "the national rail operator|rail", "a large insurance company", "the main water utility|water", "a university|education"] },
            Headlines =
            [
                "Cyberattack disrupts services at {target} in {city}",
                "Hackers demand ransom after attack on {target}",
                "Data of {big} people exposed in breach at {target}",
                "Ransomware attack on {target} in {city} under investigation",
            ],
            Standfirsts =
            [
                "Systems were taken offline as a precaution. Investigators are trying to establish whether personal data was stolen.",
                "The attack bears the hallmarks of a known ransomware group, security researchers say.",
            ],
            Leads =
            [
                "A cyberattack on {target} in {city} forced staff to switch off computer systems on {day}, disrupting services for thousands of people and prompting an investigation by the national cybersecurity agency.",
                "Personal data belonging to about {big} people may have been exposed in a breach at {target}, officials in {city} said on {day}, days after hackers claimed responsibility online.",
            ],
            Details =
            [
                "Staff reverted to paper forms and telephone lines while technicians worked to restore systems from backups.",
                "The attackers appear to have gained access through a compromised staff account weeks before encrypting files, according to an initial assessment seen by reporters.",
                "A group that claims responsibility for several similar attacks posted samples of documents on a leak site and demanded payment in cryptocurrency.",
                "The national cybersecurity agency said it had seen a {pct2} percent rise in ransomware incidents this year, with public bodies and health providers frequent targets.",
            ],
            Subheads = ["How the attackers got in", "What data was taken", "A growing threat"],
            P1 = [new("a spokesperson for {target}", "spokesperson"), new("the director of the national cybersecurity agency", "director, national cybersecurity agency")],
            P1Quotes =
            [
                "We took systems offline immediately to contain the attack, and that decision limited the damage",
                "We will not pay criminals, and we urge every organisation in our position to take the same line",
                "Anyone who receives an unexpected message claiming to come from us should not click on any links",
            ],
            P2 = [new("a security researcher at {city2} Technical University", "security researcher, {city2} Technical University"), new("a lawyer specialising in data protection", "data-protection lawyer")],
            P2Quotes =
            [
                "Most of these attacks succeed through basic weaknesses, not clever tricks",
                "People whose data was exposed deserve a clear explanation, not a vague statement",
                "Backups are only useful if someone has tested that they can actually be restored",
            ],
            Next =
            [
                "Officials said full services were expected to return within {weeks}, and that people affected would be contacted directly.",
                "Police have opened a criminal investigation, and the data-protection regulator said it was examining whether rules had been broken.",
            ],
            Captions = ["Computer systems were taken offline after the attack.", "Network infrastructure of the kind targeted in the attack."],
        },
        new()
        {
            Key = "chips", Section = "technology", Where = Where.Any,
            Tags = ["semiconductors", "manufacturing"], Scenes = [Scene.Circuit, Scene.Chart], Subject = "the chip plant",
            Vars = new() { ["chipmaker"] = ["Silvergate Semiconductor", "Nexora Microsystems", "Polaris Chipworks", "Tidewell Devices"] },
            Headlines =
            [
                "{chipmaker} picks {city} for new chip plant",
                "{chipmaker} delays {city} factory as demand cools",
                "{Country} offers {money} in subsidies to attract chipmakers",
                "{chipmaker} confirms plans for factory near {city}",
            ],
            Standfirsts =
            [
                "The plant would be one of the largest industrial investments in the country's history. Critics question the subsidies involved.",
                "Water and electricity supplies are among the concerns raised by local residents.",
            ],
            Leads =
            [
                "{chipmaker} said on {day} it would build a semiconductor plant near {city}, an investment of about {money} backed by generous government subsidies.",
                "{chipmaker} has postponed construction of its planned factory near {city} by at least a year, the company said on {day}, citing weaker demand for the chips the site was meant to produce.",
            ],
            Details =
            [
                "The plant is expected to employ about {num} people directly once complete, with thousands more jobs during construction, according to the company.",
                "The government has said it wants {country} to produce a larger share of the chips used by its car, medical-device and telecoms industries.",
                "Semiconductor factories use large amounts of water and electricity, and local groups have asked for guarantees that supplies to homes and farms will not be affected.",
                "Industry analysts said global chip prices had fallen in recent months as inventories built up, after years of shortages.",
            ],
            Subheads = ["Why {city}", "The subsidy question", "A cyclical industry"],
            P1 = [new("the chief executive of {chipmaker}", "chief executive, {chipmaker}"), new("the {adj} economy minister", "economy minister, {country}")],
            P1Quotes =
            [
                "This region has the engineers, the universities and the logistics we need",
                "Supply chains have become a question of security, not only of economics",
                "We are building for the next twenty years, not the next two quarters",
            ],
            P2 = [new("an analyst at the Digital Futures Institute", "analyst, Digital Futures Institute"), new("a local councillor in {city}", "councillor, {city}")],
            P2Quotes =
            [
                "Subsidies on this scale need clear conditions, or taxpayers are simply writing a cheque",
                "Residents want to know where the water will come from in a dry summer",
                "Everyone wants a chip plant. Not everyone can have one that makes money",
            ],
            Next =
            [
                "The company must still obtain environmental permits, a process that could take {months}.",
                "The subsidy package requires approval from competition regulators.",
            ],
            Captions = ["Chip circuitry of the kind the plant would produce.", "Chip prices charted over recent months."],
        },
        new()
        {
            Key = "startup", Section = "technology", Where = Where.Any,
            Tags = ["startups", "telecoms"], Scenes = [Scene.Circuit, Scene.Skyline, Scene.Abstract], Subject = "the start-up",
            Vars = new() { ["startup"] = ["Fernlight", "Quillby", "Mossgrid", "Parcelwise", "Tidepool", "Brightlane", "Sowfield"], ["does"] = ["delivery routing software", "a payments app for small shops", "tools for managing energy use in buildings|energy", "a platform for booking home repairs", "satellite data for farmers|agriculture", "a language-learning app|education"] },
            Headlines =
            [
                "{city} start-up {startup} raises {millions} to expand abroad",
                "{startup}, maker of {does}, wins backing from big investors",
                "{startup} becomes the latest {adj} tech success story",
                "Investors pour money into {startup} as funding market thaws",
            ],
            Standfirsts =
            [
                "The company, founded four years ago, plans to hire engineers and open offices in two more countries.",
                "The founders say the money will take the business to profitability without another round.",
            ],
            Leads =
            [
                "{startup}, a {city}-based start-up that makes {does}, said on {day} it had raised {millions} from investors, one of the largest funding rounds for a young {adj} technology company this year.",
                "{startup}, which makes {does}, said on {day} that it had closed a funding round of {millions}, as investors return to young companies with growing revenue.",
            ],
            Details =
            [
                "The company was founded by three former university classmates and now has about {num} employees and customers in {small} countries.",
                "Revenue grew by about {pct2} percent last year, the company said, though it has not yet made a profit.",
                "Venture investment in the region fell sharply over the past two years but has started to recover, according to industry data.",
                "The round was led by a {city2}-based fund, with participation from several existing investors.",
            ],
            Subheads = ["From classroom to company", "The funding climate", "Growing pains"],
            P1 = [new("the co-founder and chief executive of {startup}", "co-founder and chief executive, {startup}"), new("a partner at Lanternfield Capital, which led the round", "partner, Lanternfield Capital")],
            P1Quotes =
            [
                "We started in a student flat with one customer, and now we are building a company that can work anywhere",
                "The money lets us do the boring things properly: support, security and reliability",
                "Our customers told us what to build, and we built it",
            ],
            P2 = [new("an analyst at the Digital Futures Institute", "analyst, Digital Futures Institute"), new("a venture investor who did not take part in the round", "venture investor")],
            P2Quotes =
            [
                "Raising money is not the same as building a sustainable business",
                "The market is rewarding companies with real revenue, and punishing those without it",
                "Plenty of companies raised money like this in the boom and are gone now",
            ],
            Next =
            [
                "{startup} said it planned to open an office in {city2} within {months}.",
                "The company said it expected to break even by the end of next year.",
            ],
            Captions = ["The technology district of {city}, home to several start-ups.", "An illustration for the story of {startup}."],
        },

        // ============================================================ SCIENCE
        new()
        {
            Key = "space", Section = "science", Where = Where.Any,
            Tags = ["space", "research"], Scenes = [Scene.Space], Subject = "the mission",
            Vars = new() { ["mission"] = ["Aurora", "Kestrel", "Lumen", "Halcyon", "Perigee", "Solace"], ["craft"] = ["an Earth-observation satellite|climate", "a small lunar lander", "a probe to study the Sun", "a space telescope", "a weather satellite"] },
            Headlines =
            [
                "{mission} mission launches carrying {craft}",
                "Scientists in {city} celebrate first images from {mission} mission",
                "{mission} probe reaches orbit after flawless launch",
                "{mission} spacecraft sends back first data",
            ],
            Standfirsts =
            [
                "The mission, years in the making, will spend at least {small} years gathering data. Engineers in {city} helped build its instruments.",
                "Engineers say every instrument is working. The first scientific results are expected within months.",
            ],
            Leads =
            [
                "The {mission} mission, carrying {craft}, lifted off on {day}, ending a decade of work by engineers and scientists including a team at the university in {city}.",
                "Scientists gathered in a lecture hall in {city} on {day} to see the first images sent back by the {mission} mission, which reached its planned orbit last week.",
            ],
            Details =
            [
                "The spacecraft carries {small} instruments, including a camera and spectrometer built by a consortium of universities and small companies.",
                "The total cost of the mission is about {money}, shared between several national space agencies.",
                "Engineers said all systems were performing as expected and that the solar panels had unfolded within minutes of separation from the rocket.",
                "Data from the mission will be released publicly after a short calibration period, allowing researchers worldwide to use it.",
            ],
            Subheads = ["A decade in the making", "What the instruments will measure", "Risks along the way"],
            P1 = [new("the mission's principal investigator", "principal investigator, {mission} mission"), new("the director of the {adj} space agency", "director, {adj} space agency")],
            P1Quotes =
            [
                "Watching years of work leave the ground in a few seconds is something I will never forget",
                "The first data already looks better than we dared to hope",
                "Space is hard, and the people who built this spacecraft made it look easy",
            ],
            P2 = [new("an astrophysicist at the University of {city2}", "astrophysicist, University of {city2}"), new("a space policy analyst", "space policy analyst")],
            P2Quotes =
            [
                "Missions like this are a bargain compared with what we learn from them",
                "The real test comes in the first few months, when every instrument has to prove itself",
                "Smaller countries have learned that they can build world-class hardware if they work together",
            ],
            Next =
            [
                "The first scientific results are expected within {months}.",
                "Mission controllers will spend the next several weeks testing instruments before science operations begin.",
            ],
            Captions = ["An artist's impression of the target of the {mission} mission.", "The {mission} spacecraft's destination, in an illustration."],
        },
        new()
        {
            Key = "climate-study", Section = "science", Where = Where.Any,
            Tags = ["climate", "research", "oceans"], Scenes = [Scene.Chart, Scene.Map, Scene.Landscape], Subject = "the study",
            Vars = new() { ["finding"] = ["sea temperatures off the coast have risen faster than expected", "glaciers in the region are losing ice twice as fast as in the 1990s", "spring now arrives about two weeks earlier than it did fifty years ago", "coastal wetlands are storing less carbon than previously estimated", "heatwaves in the region have become longer and more frequent"] },
            Headlines =
            [
                "Study finds {finding}",
                "Researchers in {city} warn that {finding}",
                "Decades of data show {finding}",
            ],
            Standfirsts =
            [
                "The research draws on measurements going back several decades. Its authors say the results should inform planning now.",
                "The study, published in a peer-reviewed journal, adds to a growing body of evidence from the region.",
            ],
            Leads =
            [
                "Scientists at the University of {city} said on {day} that {finding}, according to a study drawing on more than forty years of measurements.",
                "A team of researchers led from {city} has found that {finding}, a result they say has direct consequences for farming, fisheries and flood planning in {country}.",
            ],
            Details =
            [
                "The researchers combined records from weather stations, buoys and satellites with historical data kept by local observers, some of it handwritten.",
                "The rate of change was about {pct} percent faster than the estimates used in current planning documents, the study found.",
                "The authors cautioned that regional results can vary from year to year, and that their estimates come with significant margins of uncertainty.",
                "The work was funded by the national research council and involved {small} universities in {country} and abroad.",
            ],
            Subheads = ["How the data was gathered", "What it means on the ground", "Uncertainties"],
            P1 = [new("the study's lead author", "lead author"), new("a co-author of the study at the University of {city}", "co-author, University of {city}")],
            P1Quotes =
            [
                "The signal is clear once you put all the records side by side",
                "We were surprised by the speed of the change, not by its direction",
                "This is not a forecast. It is a description of what has already happened",
            ],
            P2 = [new("a climate scientist who was not involved in the research", "climate scientist"), new("a regional planning official", "regional planning official")],
            P2Quotes =
            [
                "It is solid work, though I would like to see the same methods applied to neighbouring regions",
                "Planners need numbers they can use, and this study gives them some",
                "The question now is whether local authorities have the money to act on it",
            ],
            Next =
            [
                "The team plans to extend the study to neighbouring regions over the next {months}.",
                "The findings will be presented at an international conference later this year.",
            ],
            Captions = ["Measurements from the study, charted over four decades.", "The region around {city} covered by the research."],
        },
        new()
        {
            Key = "archaeology", Section = "science", Where = Where.Any,
            Tags = ["archaeology", "heritage"], Scenes = [Scene.Landscape, Scene.Map, Scene.Abstract], Subject = "the discovery",
            Vars = new() { ["find"] = ["a Roman-era villa", "a Bronze Age settlement", "a medieval shipwreck|oceans", "a hoard of silver coins", "an ancient burial site", "the remains of a lost harbour|shipping"], ["age"] = ["2,000", "3,500", "900", "1,200", "4,000"] },
            Headlines =
            [
                "Archaeologists uncover {find} near {city}",
                "Road works near {city} reveal {find}",
                "{find} found near {city} is {age} years old, tests show",
            ],
            Standfirsts =
            [
                "The find was made during construction work. Experts say it could change what is known about the region's history.",
                "Excavations will continue for several months before the site is covered again to protect it.",
            ],
            Leads =
            [
                "Archaeologists working near {city} have uncovered {find} that they believe is about {age} years old, regional heritage officials said on {day}.",
                "Construction workers digging the foundations for a new road near {city} stumbled upon what turned out to be {find}, archaeologists announced on {day}.",
            ],
            Details =
            [
                "Excavators have so far recovered pottery, tools and animal bones, along with several objects that suggest trade with distant regions.",
                "Radiocarbon tests on organic material from the site were carried out at a laboratory in {city2}.",
                "The construction project has been paused while archaeologists complete their work, which is expected to take several months.",
                "Local volunteers have helped with sieving and recording finds, and the site will be opened to visitors on selected weekends.",
            ],
            Subheads = ["What was found", "Rewriting local history", "Protecting the site"],
            P1 = [new("the archaeologist leading the excavation", "lead archaeologist"), new("the regional heritage director", "regional heritage director")],
            P1Quotes =
            [
                "Every layer we remove tells us something new about the people who lived here",
                "We expected to find something, but nothing on this scale",
                "It shows that this area was far more connected to the wider world than we thought",
            ],
            P2 = [new("a historian at the University of {city2}", "historian, University of {city2}"), new("a developer involved in the road project", "project manager, road construction consortium")],
            P2Quotes =
            [
                "We need to be careful not to build a whole story on a single site",
                "Delays cost money, but nobody wants to be the company that bulldozed history",
                "Finds like this remind us how much is still under our feet",
            ],
            Next =
            [
                "Objects from the site will be conserved and displayed at the regional museum in {city}.",
                "A full scientific report is expected next year.",
            ],
            Captions = ["The countryside near {city}, where the excavation is taking place.", "The area around the site near {city}."],
        },
        new()
        {
            Key = "wildlife", Section = "science", Where = Where.Any,
            Tags = ["wildlife", "research"], Scenes = [Scene.Landscape, Scene.Map], Subject = "the wildlife survey",
            Vars = new() { ["species"] = ["wolves", "sea turtles|oceans", "storks", "wild bees|agriculture", "otters", "a rare orchid", "humpback whales|oceans", "bats"] },
            Headlines =
            [
                "Numbers of {species} recover near {city}, survey finds",
                "Conservation work brings {species} back to the {city} region",
                "Volunteers count record numbers of {species} near {city}",
            ],
            Standfirsts =
            [
                "The survey relied on hundreds of volunteers and years of fieldwork. Scientists say conservation measures are working.",
                "Restored wetlands and hedgerows have made the difference, researchers say, but the gains are fragile.",
            ],
            Leads =
            [
                "Populations of {species} in the area around {city} have grown by about {pct2} percent over the past decade, according to a survey published on {day}.",
                "Conservationists in {country} said on {day} that {species} had returned to parts of the region around {city} for the first time in decades, crediting years of habitat restoration.",
            ],
            Details =
            [
                "The survey combined counts by trained volunteers with camera traps and acoustic monitoring at more than {num} locations.",
                "Researchers credited the creation of protected areas and changes in farming practice for much of the recovery.",
                "The recovery was strongest in areas where wetlands had been restored and hedgerows replanted, the report found.",
                "Conservation groups said the results should be used to guide a national biodiversity plan due to be published next year.",
            ],
            Subheads = ["Counting in the field", "What is driving the change", "Lessons for policy"],
            P1 = [new("the ecologist who coordinated the survey", "ecologist and survey coordinator"), new("the director of the {city} Nature Trust", "director, {city} Nature Trust")],
            P1Quotes =
            [
                "When you give nature a little room, it responds faster than people expect",
                "These numbers are the work of hundreds of people getting up before dawn",
                "We can still turn this around, but not if we keep waiting",
            ],
            P2 = [new("a farmers' representative", "representative, regional farmers' association"), new("a biologist at the University of {city2}", "biologist, University of {city2}")],
            P2Quotes =
            [
                "Farmers want to help, but they cannot be asked to carry the whole cost",
                "One good decade does not make a species safe",
                "The data is encouraging, but the habitats are still fragmented",
            ],
            Next =
            [
                "The survey will be repeated in {small} years to track progress.",
                "The environment ministry said it would study the findings carefully.",
            ],
            Captions = ["Countryside near {city}, part of the area covered by the survey.", "The survey area around {city}."],
        },

        // ============================================================ HEALTH
        new()
        {
            Key = "hospital-strike", Section = "health", Where = Where.Any,
            Tags = ["hospitals", "labour"], Scenes = [Scene.Health], Subject = "the nurses' strike",
            Vars = new() { ["staff"] = ["nurses", "junior doctors", "paramedics", "hospital cleaners and porters", "midwives"] },
            Headlines =
            [
                "Hospital {staff} in {city} strike over pay and staffing",
                "Thousands of operations postponed as {staff} walk out",
                "{staff} in {city} stage second walkout in a month",
                "Hospitals in {city} on emergency footing as {staff} strike",
            ],
            Standfirsts =
            [
                "Emergency care continues, but routine appointments have been cancelled. Both sides say they want to talk.",
                "The union says staffing has reached unsafe levels. The government says its offer is final.",
            ],
            Leads =
            [
                "Hospital {staff} in {city} began a {small}-day strike on {day} over pay and staffing levels, forcing hospitals to postpone thousands of routine operations and appointments.",
                "Thousands of {staff} in {country} walked out on {day} in the latest of a series of strikes over pay and staffing, with the largest picket lines outside hospitals in {city}.",
            ],
            Details =
            [
                "The union says staff numbers have not kept up with rising demand, and that many wards operate with fewer people than safe-staffing guidelines recommend.",
                "Hospital managers said emergency departments, intensive care and cancer treatment would be maintained throughout the strike.",
                "The government has offered a pay increase of {pct} percent this year, which the union says falls well short of the rise in prices over the past three years.",
                "Patients' groups said they supported the staff but were worried about the growing backlog of treatment.",
            ],
            Subheads = ["On the picket line", "Patients caught in the middle", "The staffing crisis"],
            P1 = [new("a spokesperson for the health workers' union", "spokesperson, Health Workers' Union"), new("a nurse on the picket line outside the main hospital in {city}", "nurse, {city}")],
            P1Quotes =
            [
                "We are striking for our patients as much as for ourselves, because exhausted staff make mistakes",
                "I love this job, but I cannot afford to keep doing it on these wages",
                "We have been warning about staffing for years, and nobody listened until we walked out",
            ],
            P2 = [new("the {adj} health minister", "health minister, {country}"), new("the chief executive of the hospital group in {city}", "chief executive, {city} hospital group")],
            P2Quotes =
            [
                "We have put a fair offer on the table and I urge the union to put it to its members",
                "Our priority is patient safety, and we have plans in place to protect urgent care",
                "There is no more money without cuts elsewhere in the health service",
            ],
            Next =
            [
                "Further strike dates have been announced for next month if no agreement is reached.",
                "The health ministry said it would publish a workforce plan within {months}.",
            ],
            Captions = ["Hospital services in {city} were disrupted by the strike.", "Staff shortages are at the heart of the dispute."],
        },
        new()
        {
            Key = "vaccines", Section = "health", Where = Where.Any,
            Tags = ["vaccines", "public-health"], Scenes = [Scene.Health, Scene.Molecule], Subject = "the vaccination campaign",
            Vars = new() { ["disease"] = ["measles", "influenza", "whooping cough", "human papillomavirus", "meningitis"] },
            Headlines =
            [
                "{Country} launches {disease} vaccination drive after rise in cases",
                "{disease} cases climb in {city} as vaccination rates fall",
                "Schools in {city} to host {disease} vaccination clinics",
                "Health officials urge parents to check children's {disease} vaccinations",
            ],
            Standfirsts =
            [
                "Cases have risen sharply this year. Officials say falling vaccination rates are to blame.",
                "Mobile clinics will visit schools and community centres. Officials hope to reach families who have missed appointments.",
            ],
            Leads =
            [
                "Health authorities in {country} launched a {disease} vaccination campaign on {day} after the number of confirmed cases rose by {pct2} percent compared with last year, with the largest outbreak in {city}.",
                "Public health officials in {city} have confirmed {num} cases of {disease} since the start of the year, and urged parents to make sure their children's vaccinations are up to date.",
            ],
            Details =
            [
                "Vaccination rates among young children have fallen below the level experts say is needed to prevent outbreaks, particularly in some urban neighbourhoods.",
                "Mobile clinics will visit schools, markets and community centres, and pharmacies will be allowed to give the vaccine for the first time.",
                "Most cases have been mild, but {small} people have needed hospital treatment, officials said.",
                "Officials said misinformation spread online and difficulties getting appointments had both contributed to the fall in vaccinations.",
            ],
            Subheads = ["Why rates fell", "Reaching every family", "How the disease spreads"],
            P1 = [new("the chief medical officer", "chief medical officer, {country}"), new("the head of public health in {city}", "director of public health, {city}")],
            P1Quotes =
            [
                "This vaccine is safe, it is free, and it is the best protection we have",
                "We want to make it as easy as possible for every family to get protected",
                "Outbreaks like this are preventable, and that is what makes them so frustrating",
            ],
            P2 = [new("a family doctor in {city}", "general practitioner, {city}"), new("a parent at one of the first school clinics", "parent, {city}")],
            P2Quotes =
            [
                "Many parents are not against vaccines. They simply could not get an appointment",
                "I had questions, and the nurse took the time to answer them",
                "We need the same effort every year, not only when there is an outbreak",
            ],
            Next =
            [
                "The campaign will run for {weeks}, after which officials will review vaccination rates by district.",
                "The health ministry said it would publish weekly figures on cases and vaccinations.",
            ],
            Captions = ["Public health teams are running clinics across {city}.", "A molecular model of the kind used in vaccine research."],
        },
        new()
        {
            Key = "drug-trial", Section = "health", Where = Where.Any,
            Tags = ["medicines", "research"], Scenes = [Scene.Molecule, Scene.Health, Scene.Chart], Subject = "the new treatment",
            Vars = new() { ["condition"] = ["Alzheimer's disease", "type 2 diabetes", "a rare form of childhood leukaemia", "severe asthma", "chronic kidney disease", "migraine|mental-health"] },
            Headlines =
            [
                "Trial shows promise for new treatment for {condition}",
                "Regulator approves new drug for {condition}",
                "New {condition} drug cuts symptoms in late-stage trial",
                "Patients with {condition} face wait for new medicine over price",
            ],
            Standfirsts =
            [
                "The results are encouraging, researchers say, but larger studies are needed. The drug is not expected to be widely available for years.",
                "The regulator's decision follows a review of data from several thousand patients. Price negotiations are still under way.",
            ],
            Leads =
            [
                "An experimental treatment for {condition} reduced symptoms significantly in a clinical trial led by researchers in {city}, according to results presented on {day}.",
                "The medicines regulator in {country} approved a new drug for {condition} on {day}, though patients may have to wait months before it is available through public health insurance.",
            ],
            Details =
            [
                "The trial involved about {num} patients at {small} hospitals, half of whom received the treatment and half a placebo.",
                "Patients who received the drug showed an improvement of about {pct2} percent on the main measure, compared with the placebo group.",
                "Side effects were mostly mild, though a small number of patients stopped treatment because of them, the researchers said.",
                "The manufacturer has not disclosed its price, but analysts expect it to cost several thousand {currency} per patient a year.",
            ],
            Subheads = ["What the trial found", "Caution from experts", "The question of price"],
            P1 = [new("the lead investigator of the trial", "lead investigator"), new("a spokesperson for the medicines regulator", "spokesperson, medicines regulator")],
            P1Quotes =
            [
                "For patients who have had very few options, this is genuinely encouraging",
                "We are cautious by nature, but these results are hard to ignore",
                "Approval means the evidence on safety and effectiveness meets our standards",
            ],
            P2 = [new("a pharmacologist who was not involved in the trial", "pharmacologist"), new("the chair of a patients' organisation", "chair, patients' organisation")],
            P2Quotes =
            [
                "The effect is real but modest, and it needs to be confirmed in a larger and longer study",
                "A medicine nobody can afford is not really a treatment",
                "Patients deserve honest information about both the benefits and the limits",
            ],
            Next =
            [
                "A larger trial is due to begin next year at hospitals in {small} countries.",
                "Price negotiations between the manufacturer and public insurers are expected to take {months}.",
            ],
            Captions = ["A molecular model illustrating how the treatment works.", "Trial results, charted."],
        },
        new()
        {
            Key = "air", Section = "health", Where = Where.Any,
            Tags = ["air-pollution", "public-health", "transport"], Scenes = [Scene.Skyline, Scene.Chart], Subject = "the pollution rules",
            Headlines =
            [
                "{city} to ban older diesel cars from city centre",
                "Air pollution in {city} linked to rise in hospital visits, study finds",
                "Smog alert in {city} as pollution hits winter high",
                "Doctors back plan to ban older diesel cars from {city} centre",
            ],
            Standfirsts =
            [
                "City officials say the measure will save lives. Drivers and some businesses say it is unfair.",
                "Residents with breathing problems have been advised to stay indoors. Schools have cancelled outdoor sports.",
            ],
            Leads =
            [
                "{city} will ban older diesel vehicles from its centre from next year, the city council decided on {day}, in an attempt to reduce air pollution that doctors say is harming residents' health.",
                "Levels of fine particulate pollution in {city} rose to their highest level this winter on {day}, prompting health officials to issue an alert and advise vulnerable people to stay indoors.",
            ],
            Details =
            [
                "Pollution levels in parts of the city have regularly exceeded recommended limits, according to data from monitoring stations.",
                "A study by researchers in {city2} found that hospital visits for asthma and other breathing problems rose by about {pct} percent on high-pollution days.",
                "The council said it would expand bus services and offer grants of up to {num} {currency} to help low-income households replace older vehicles.",
                "Taxi drivers and delivery companies have protested against the plan, saying they cannot afford new vehicles at short notice.",
            ],
            Subheads = ["The health evidence", "Who is affected", "Cleaner streets, at a price"],
            P1 = [new("the deputy mayor responsible for the environment", "deputy mayor, {city}"), new("a respiratory specialist at the main hospital in {city}", "respiratory specialist, {city}")],
            P1Quotes =
            [
                "Clean air is not a luxury. Children in this city deserve to breathe safely",
                "Every winter we see the same pattern in our emergency department",
                "We know what works, because other cities have done it",
            ],
            P2 = [new("the head of the local taxi drivers' association", "chair, {city} taxi drivers' association"), new("a shop owner in the city centre", "shop owner, {city}")],
            P2Quotes =
            [
                "We support cleaner air, but the timetable is impossible for small businesses",
                "People on low incomes will pay the price for this, as usual",
                "Customers will simply drive to the shopping centres outside the zone",
            ],
            Next =
            [
                "The rules take effect in stages, with the first restrictions applying from the spring.",
                "The council said it would publish monthly air-quality figures for each district.",
            ],
            Captions = ["Smog over {city} on {day}.", "The centre of {city}, where older diesel cars will be banned."],
        },

        // ============================================================ SPORT
        new()
        {
            Key = "football", Section = "sport", Where = Where.Any,
            Tags = ["football"], Scenes = [Scene.Stadium], Subject = "the result",
            Vars = new() { ["team"] = ["{city} Athletic", "Sporting {city}", "{city} Wanderers", "FC {city}", "{city} Rovers"], ["rival"] = ["{city2} United", "Real {city2}", "{city2} City", "Olympic {city2}"], ["score"] = ["2-1", "3-1", "1-0", "3-2", "2-0", "4-2"], ["minute"] = ["12th", "27th", "38th", "55th", "71st", "88th"] },
            Headlines =
            [
                "{team} beat {rival} {score} to go top",
                "Late goal earns {team} victory over {rival}",
                "{team} come from behind to stun {rival}",
                "{p3} stars as {team} see off {rival}",
                "{team} edge {rival} in cup thriller",
            ],
            Standfirsts =
            [
                "{p3} scored the decisive goal as {team} extended their unbeaten run. {rival} had a man sent off.",
                "A crowd of more than {big} saw a tense match settled in the final minutes.",
            ],
            Leads =
            [
                "{team} beat {rival} {score} on {day}, with {p3} scoring the decisive goal in front of a sell-out crowd to lift the home side to the top of the {adj} league.",
                "{p3} struck in the {minute} minute as {team} came from behind to beat {rival} {score} on {day}, a result that keeps their title hopes alive.",
            ],
            Details =
            [
                "{rival} started brightly and took the lead with a header from a corner, but {team} grew into the game and equalised shortly before half-time.",
                "The visitors were reduced to ten men early in the second half when their captain received a second yellow card for a late challenge.",
                "{p3}, signed from a smaller club in the summer, has now scored in {small} consecutive matches.",
                "The home supporters, who had unfurled a huge banner before kick-off, sang long after the final whistle.",
                "The defeat leaves {rival} in mid-table, and their coach admitted afterwards that the club's European ambitions were slipping away.",
            ],
            Subheads = ["Turning point", "The man of the moment", "The title race"],
            P1 = [new("the {team} coach", "head coach, {team}")],
            P1Quotes =
            [
                "The players showed character today. We were not at our best, but we never stopped believing",
                "The supporters carried us in the last twenty minutes, you could feel it on the bench",
                "We take one game at a time. Nobody wins a league in this month",
            ],
            P2 = [new("the {rival} coach", "head coach, {rival}"), new("a {rival} defender", "defender, {rival}")],
            P2Quotes =
            [
                "The red card changed the game. I have seen it again and I still do not understand it",
                "We gave away two cheap goals, and at this level you get punished",
                "We have to look at ourselves before we look at the referee",
            ],
            Next =
            [
                "{team} travel to the capital next weekend, while {rival} host the league leaders.",
                "The two sides meet again in the cup quarter-finals next month.",
            ],
            Captions = ["The stadium in {city} under floodlights before kick-off.", "A packed stadium in {city} for the match against {rival}."],
        },
        new()
        {
            Key = "marathon", Section = "sport", Where = Where.Any,
            Tags = ["athletics"], Scenes = [Scene.Skyline, Scene.Landscape], Subject = "the race",
            Vars = new() { ["time"] = ["2:05:41", "2:07:12", "2:19:48", "2:21:03", "2:06:30"] },
            Headlines =
            [
                "{p3} wins {city} marathon in course record",
                "Record field of runners takes to streets for {city} marathon",
                "{p3} holds off challengers to take {city} marathon title",
            ],
            Standfirsts =
            [
                "{p3} finished in {time}, well inside the previous course record. More than {big} runners took part.",
                "Cool weather and a fast course helped produce one of the quickest races in the event's history.",
            ],
            Leads =
            [
                "{p3} won the {city} marathon on {day} in {time}, breaking the course record by more than a minute in near-perfect running conditions.",
                "More than {big} runners took to the streets of {city} on {day} for the city's marathon, which was won by {p3} in {time}.",
            ],
            Details =
            [
                "{p3} broke away from a leading group of {small} runners after about 30 kilometres and ran the final stretch alone.",
                "Thousands of spectators lined the route, which passes the old harbour, the cathedral and several of the city's parks.",
                "The race also raised money for local charities, with organisers estimating that runners had collected more than {millions} in sponsorship.",
                "Medical teams treated several runners for exhaustion, but organisers said there were no serious incidents.",
            ],
            Subheads = ["The decisive move", "A city on its feet", "Beyond the elite race"],
            P1 = [new("=the winner", "marathon winner")],
            P1Quotes =
            [
                "At 35 kilometres my legs were screaming, but the crowd would not let me slow down",
                "This course is fast if you are patient, and today I was patient",
                "I have run this race four times, and today everything finally came together",
            ],
            P2 = [new("the runner-up", "runner-up"), new("a first-time marathon runner", "amateur runner")],
            P2Quotes =
            [
                "I went with the move but could not hold it. Next year I will be ready",
                "I trained for eight months and cried when I saw the finish line",
                "I gambled on the pace and lost, but that is racing",
            ],
            Next =
            [
                "{p3} said the next target was the national championships in the summer.",
                "Organisers said registration for next year's race would open in {weeks}.",
            ],
            Captions = ["The skyline of {city}, along the marathon route.", "The streets of {city} on race day."],
        },
        new()
        {
            Key = "cycling", Section = "sport", Where = Where.Any,
            Tags = ["cycling"], Scenes = [Scene.Landscape], Subject = "the stage",
            Vars = new() { ["stage"] = ["fifth", "eighth", "ninth", "twelfth", "fifteenth", "third"] },
            Headlines =
            [
                "{p3} wins mountain stage as race leaves {city}",
                "Crashes mar sprint finish in {city}",
                "{p3} takes leader's jersey on hilly stage near {city}",
            ],
            Standfirsts =
            [
                "The stage covered nearly 200 kilometres of hills and valleys. Several favourites lost time.",
                "Organisers are under pressure to review safety on fast, narrow finishes.",
            ],
            Leads =
            [
                "{p3} won the {stage} stage of the tour on {day}, attacking on the final climb to finish alone after a day of hills south of {city}.",
                "{p3} took the overall lead in the stage race on {day}, winning a hilly stage near {city} and moving ahead of the previous leader by a handful of seconds.",
            ],
            Details =
            [
                "A breakaway of {small} riders went clear early in the stage and built a lead of several minutes before the main bunch began to chase.",
                "The final climb, about eight kilometres long with gradients of up to 11 percent, split the field apart.",
                "Several riders were treated for cuts and bruises after a crash in the last kilometre, though none was seriously hurt.",
                "Large crowds gathered on the slopes, many of them waving flags and running alongside the riders.",
            ],
            Subheads = ["On the final climb", "The battle for the jersey", "Safety concerns"],
            P1 = [new("=the stage winner", "stage winner")],
            P1Quotes =
            [
                "I knew I had to go before the steepest part, because I cannot match the pure climbers there",
                "The team rode perfectly all day, and I only had to finish the job",
                "I have dreamt about winning on these roads since I was a child",
            ],
            P2 = [new("the previous race leader", "rider"), new("a rider representative", "riders' association representative")],
            P2Quotes =
            [
                "I had a bad day at the wrong moment. The race is long, though",
                "Finishes like that are dangerous, and someone will be badly hurt if nothing changes",
                "We lost time, but we did not lose the race",
            ],
            Next = ["The race continues with a time trial on Tuesday.", "The final stage finishes in {city2} at the weekend."],
            Captions = ["The hills south of {city}, where the stage was decided.", "The road out of {city}, part of the stage route."],
        },
        new()
        {
            Key = "tennis", Section = "sport", Where = Where.Any,
            Tags = ["tennis"], Scenes = [Scene.Court], Subject = "the final",
            Vars = new() { ["sets"] = ["6-4, 3-6, 7-5", "7-6, 6-3", "6-2, 6-4", "4-6, 6-3, 6-4", "6-3, 7-6"] },
            Headlines =
            [
                "{p3} wins {city} Open title",
                "{p3} saves match points to reach {city} final",
                "Teenager {p3} stuns top seed in {city}",
            ],
            Standfirsts =
            [
                "{p3} won {sets} in a final that lasted more than two hours.",
                "It is the biggest title of {p3}'s career so far.",
            ],
            Leads =
            [
                "{p3} won the {city} Open on {day}, beating the second seed {sets} in a final interrupted twice by rain.",
                "{p3} saved {small} match points before winning {sets} in the {city} Open semi-finals on {day}, a comeback the crowd will talk about for years.",
            ],
            Details =
            [
                "The match turned in the second set, when {p3} broke serve twice in a row after a long rain delay.",
                "{p3} hit more than thirty winners, many of them from a forehand that repeatedly pushed the opponent far behind the baseline.",
                "The tournament, which moved to a new arena two years ago, sold out all sessions for the first time.",
                "Prize money for the winner was {millions}, part of an increase the organisers announced last year.",
            ],
            Subheads = ["The turning point", "A rising star", "Packed stands"],
            P1 = [new("=the winner", "winner")],
            P1Quotes =
            [
                "I stopped thinking about the score and just played one point at a time",
                "When the rain came, I sat in the locker room and told myself the match was starting again",
                "We have worked on that serve every day for a year, and today it saved me",
            ],
            P2 = [new("the beaten finalist", "finalist"), new("the tournament director", "tournament director, {city} Open")],
            P2Quotes =
            [
                "I had my chances and did not take them. Credit to my opponent",
                "This is the best week we have ever had, on and off the court",
                "It hurts now, but I will learn from it",
            ],
            Next = ["{p3} will now head to the next tournament on the tour as one of the seeds.", "The tournament will return next year with an expanded draw."],
            Captions = ["The centre court at the {city} Open.", "The arena in {city} before the final."],
        },
        new()
        {
            Key = "stadium-plan", Section = "sport", Where = Where.Any,
            Tags = ["football", "stadiums"], Scenes = [Scene.Stadium, Scene.Skyline], Subject = "the stadium plan",
            Vars = new() { ["team"] = ["{city} Athletic", "Sporting {city}", "{city} Wanderers", "FC {city}"], ["seats"] = ["32,000", "40,000", "45,000", "52,000", "60,000"] },
            Headlines =
            [
                "{team} unveil plans for {seats}-seat stadium",
                "Residents oppose {team}'s new stadium plan",
                "Council approves new {team} stadium",
            ],
            Standfirsts =
            [
                "The club says the new ground will secure its future. Neighbours worry about traffic and noise.",
                "The project would cost about {millions} and take three years to build.",
            ],
            Leads =
            [
                "{team} unveiled plans on {day} for a {seats}-seat stadium on the edge of {city}, saying their current ground, built nearly a century ago, no longer meets modern standards.",
                "The city council in {city} approved plans on {day} for a new stadium for {team}, after a debate that lasted late into the night and drew protests from residents.",
            ],
            Details =
            [
                "The design includes a retractable roof, a public park and several hundred homes on the site of the old ground.",
                "The club says the project will be financed through a mix of loans, naming rights and the sale of its current ground.",
                "Residents' groups say the plans would bring heavy traffic to quiet streets on match days and have collected more than {num} signatures against them.",
                "Supporters' groups have largely welcomed the plans, though some fear that ticket prices will rise.",
            ],
            Subheads = ["The design", "Money and risk", "Neighbours and supporters"],
            P1 = [new("the {team} chairman", "chairman, {team}"), new("the deputy mayor of {city}", "deputy mayor, {city}")],
            P1Quotes =
            [
                "This is about securing the club for the next hundred years",
                "The stadium will be used every day of the week, not just on match days",
                "We have listened to residents and changed the plans accordingly",
            ],
            P2 = [new("the chair of a residents' association", "chair, residents' association"), new("a spokesperson for the {team} supporters' trust", "spokesperson, {team} Supporters' Trust")],
            P2Quotes =
            [
                "Nobody asked us whether we wanted forty thousand people outside our front doors every other weekend",
                "Fans want a new home, but not at any price",
                "We want a stadium that ordinary families can still afford to go to",
            ],
            Next = ["Construction could begin next year if planning approval is granted.", "Residents have said they will appeal the decision."],
            Captions = ["An illustration of the planned {team} stadium.", "The edge of {city}, where the new stadium would be built."],
        },

        // ============================================================ CULTURE
        new()
        {
            Key = "film", Section = "culture", Where = Where.Any,
            Tags = ["film", "festivals"], Scenes = [Scene.Stage, Scene.Abstract, Scene.Skyline], Subject = "the festival",
            Vars = new() { ["film"] = ["The Salt Road", "Winter Harbour", "A House Without Doors", "The Last Ferry", "Quiet Hours", "Lanterns", "The Mapmaker's Daughter", "Borrowed Light"] },
            Headlines =
            [
                "{film} wins top prize at {city} film festival",
                "{p3}'s {film} takes top award in {city}",
                "Quiet drama {film} triumphs at {city} film festival",
            ],
            Standfirsts =
            [
                "The drama, directed by {p3}, follows a family over three generations. The jury praised its restraint.",
                "The festival screened more than {num} films from {small} dozen countries this year.",
            ],
            Leads =
            [
                "{film}, a quiet family drama directed by {p3}, won the top prize at the {city} film festival on {day}, beating several bigger-budget productions.",
                "{p3}'s {film} took the top prize at the {city} film festival on {day}, a surprise win for a small production that divided critics when it premiered earlier in the week.",
            ],
            Details =
            [
                "The film was shot over {small} weeks with a small crew and mostly non-professional actors from the region around {city2}.",
                "The jury, chaired by a veteran actor, said it had been moved by the film's patience and its refusal to offer easy answers.",
                "Ticket sales rose by {pct} percent this year, organisers said, helped by outdoor screenings in the old town.",
                "Critics have been divided: some praised the cinematography and performances, while others found the pace too slow.",
            ],
            Subheads = ["Behind the camera", "The jury's choice", "A festival finding its audience"],
            P1 = [new("=the director", "director")],
            P1Quotes =
            [
                "I wanted to make a film about the things families never say out loud",
                "Small films need festivals like this one, where audiences come to be surprised",
                "Every person in the cast brought something from their own life to the screen",
            ],
            P2 = [new("a film critic", "film critic"), new("an independent distributor", "independent film distributor")],
            P2Quotes =
            [
                "It is beautifully made, but I wanted it to take more risks",
                "This is the kind of film that finds its audience slowly, through word of mouth",
                "Prizes are nice. What really matters is whether cinemas will book it",
            ],
            Next = ["{film} is due to open in cinemas across {country} next month.", "The festival closes at the weekend with an open-air screening."],
            Captions = ["The festival's main venue in {city}.", "An illustration for the film {film}."],
        },
        new()
        {
            Key = "museum", Section = "culture", Where = Where.Any,
            Tags = ["museums", "heritage"], Scenes = [Scene.Abstract, Scene.Parliament], Subject = "the exhibition",
            Vars = new() { ["show"] = ["a retrospective of modernist painting", "an exhibition of textiles from across the region", "a show about the city's lost harbour|shipping", "a collection of returned artefacts", "an exhibition of contemporary photography", "a display of medieval manuscripts|books"] },
            Headlines =
            [
                "{city} museum opens {show}",
                "Queues form for {show} in {city}",
                "{city} museum draws crowds with {show}",
                "{city}'s renovated museum reopens after five years",
            ],
            Standfirsts =
            [
                "The show brings together more than {num} works, many never displayed before. Curators spent years tracing them.",
                "The decision follows years of research into how the objects were acquired.",
            ],
            Leads =
            [
                "The city museum in {city} opened {show} on {day}, bringing together works from private collections and public institutions in several countries.",
                "The main museum in {city} reopened on {day} after a five-year renovation, with new galleries, a rooftop terrace and {show}.",
            ],
            Details =
            [
                "Curators spent {small} years tracing the works, some of which had not been seen in public for decades.",
                "Admission to the permanent collection will be free on the first Sunday of every month, the museum said.",
                "The renovation, which cost about {millions}, also made the building fully accessible for visitors with disabilities.",
                "The museum expects about {big} visitors in the first three months, based on advance bookings.",
            ],
            Subheads = ["What is on show", "Years of research", "A museum for everyone"],
            P1 = [new("the museum's director", "director, {city} museum"), new("the exhibition's curator", "curator")],
            P1Quotes =
            [
                "We want people to leave with more questions than they came in with",
                "Some of these works are being seen together for the first time since they were made",
                "A museum should be a public living room, not a treasure vault",
            ],
            P2 = [new("an art critic", "art critic"), new("a historian who has studied the collection", "historian")],
            P2Quotes =
            [
                "It is an ambitious show, and mostly it succeeds",
                "The labels are excellent: clear, honest and never condescending",
                "The conversation about where these objects came from is overdue",
            ],
            Next = ["The exhibition runs until the end of the season.", "The museum will host a series of public talks linked to the exhibition."],
            Captions = ["The museum in {city}, which reopened after renovation.", "An illustration inspired by the exhibition in {city}."],
        },
        new()
        {
            Key = "music", Section = "culture", Where = Where.Any,
            Tags = ["music", "festivals"], Scenes = [Scene.Stage, Scene.Stadium, Scene.Abstract], Subject = "the concert",
            Vars = new() { ["band"] = ["The Paper Tides", "Lowland Choir", "Northbound Static", "Velvet Harbour", "The Orchard Collective", "Saltwater Radio"] },
            Headlines =
            [
                "{band} play to sold-out crowd in {city}",
                "{city} music festival draws record {big} visitors",
                "{band} return to {city} with new album",
                "{band} headline {city} music festival",
            ],
            Standfirsts =
            [
                "Fans travelled from across the country. The set ran for nearly three hours.",
                "The festival has grown from a weekend in a park to one of the biggest events in the region's calendar.",
            ],
            Leads =
            [
                "{band} played to a sold-out crowd of about {big} in {city} on {day}, in a concert that mixed songs from their first album with new material.",
                "The music festival in {city} drew a record number of visitors over the weekend, organisers said on {day}, with headline performances by {band} and dozens of smaller acts.",
            ],
            Details =
            [
                "The band opened with a slow, stripped-back version of their best-known song before the full light show kicked in.",
                "The festival featured {num} acts on {small} stages, with a growing share of performers from outside Europe and North America.",
                "Local hotels and restaurants reported one of their busiest weekends of the year.",
                "Organisers said they had increased security and added free water points after complaints about queues last year.",
            ],
            Subheads = ["On stage", "A festival grows up", "The local economy"],
            P1 = [new("{band}'s singer", "singer, {band}")],
            P1Quotes =
            [
                "Playing this city feels like coming home, every single time",
                "Festivals like this are where we learned to play live, so it means a lot to be back",
                "The songs belong to the people singing them back to us now",
            ],
            P2 = [new("a music critic", "music critic"), new("a local resident near the festival site", "resident, {city}")],
            P2Quotes =
            [
                "It was a generous, sprawling show, and the crowd loved every minute",
                "The music is great, the noise at two in the morning less so",
                "Few bands can hold a crowd that size with just a piano and a voice",
            ],
            Next = ["Tickets for next year's festival go on sale in {weeks}.", "{band} continue their tour in {city2} next week."],
            Captions = ["The stage at the concert in {city}.", "An illustration for the festival in {city}."],
        },
        new()
        {
            Key = "books", Section = "culture", Where = Where.Any,
            Tags = ["books"], Scenes = [Scene.Abstract, Scene.Landscape], Subject = "the prize",
            Vars = new() { ["nth"] = ["second", "third", "fourth", "fifth"], ["book"] = ["The Tidewater Year", "Small Hours in {city2}", "What the River Kept", "Letters to a Lighthouse", "The Orchard Winter", "A Map of Quiet Places"] },
            Headlines =
            [
                "{p3} wins national book prize for {book}",
                "{book} by {p3} tops bestseller lists",
                "{city} book fair opens with focus on young writers",
            ],
            Standfirsts =
            [
                "The novel, set in a coastal town, was praised by the judges for its precise, unshowy prose.",
                "The fair expects more than {big} visitors and hundreds of publishers.",
            ],
            Leads =
            [
                "{p3} won the national book prize on {day} for {book}, a novel the judges described as a quietly devastating portrait of a family and a town.",
                "The {city} book fair opened on {day} with a programme focused on young and first-time writers, including {p3}, whose novel {book} has been one of the surprise successes of the year.",
            ],
            Details =
            [
                "The book, {p3}'s {nth}, has sold more than {big} copies since its publication in the spring.",
                "The prize comes with a cash award and translation grants for publication in several languages.",
                "Publishers at the fair said sales of printed books had held up well, while audiobooks were growing fastest.",
                "The judges read more than {num} submissions before agreeing on a shortlist of six.",
            ],
            Subheads = ["Inside the novel", "The judges' verdict", "The state of publishing"],
            P1 = [new("=the author", "author")],
            P1Quotes =
            [
                "I wrote this book for the people I grew up with, and I am amazed it has travelled so far",
                "I never imagined that a story about a small town would find readers so far away",
                "Writing it took six years, most of them spent deleting things",
            ],
            P2 = [new("a literary critic", "literary critic"), new("an independent bookseller in {city}", "bookseller, {city}")],
            P2Quotes =
            [
                "A deserved winner in a strong year",
                "Customers come in asking for it by the description, not the title",
                "Prizes can change a writer's life, and this one should",
            ],
            Next = ["Translations of {book} are due to appear next year.", "The fair continues until Sunday."],
            Captions = ["An illustration for {book}.", "The countryside that inspired {book}."],
        },
        new()
        {
            Key = "theatre", Section = "culture", Where = Where.Any,
            Tags = ["theatre"], Scenes = [Scene.Stage], Subject = "the production",
            Vars = new() { ["play"] = ["The Long Table", "Harbour Lights", "The Inspector's Night", "Six Rooms", "A Wedding in Winter", "The Bridge Keepers"] },
            Headlines =
            [
                "{play} opens to standing ovation in {city}",
                "{city} theatre stages bold new version of {play}",
                "Theatre in {city} saved from closure by public appeal",
            ],
            Standfirsts =
            [
                "The production, directed by {p3}, moves the action to the present day. Audiences and critics have embraced it.",
                "More than {num} people donated to keep the theatre open.",
            ],
            Leads =
            [
                "{play}, directed by {p3}, opened at the city theatre in {city} on {day} to a standing ovation and some of the warmest reviews the company has received in years.",
                "A small theatre in {city} that had been due to close has been saved after a public appeal raised {millions}, its managers said on {day}.",
            ],
            Details =
            [
                "The production uses a revolving set and live music, and several scenes take place among the audience.",
                "The theatre, which opened more than a century ago, had faced closure after its rent was raised and a grant was withdrawn.",
                "Tickets for the first month sold out within days, and the run has already been extended.",
                "The company also runs workshops for schools and a programme for young playwrights.",
            ],
            Subheads = ["On stage", "A theatre and its audience", "What comes next"],
            P1 = [new("=the director", "director")],
            P1Quotes =
            [
                "We wanted the audience to feel they were sitting at the table with the characters",
                "This building belongs to the city, and the city has shown that it wants to keep it",
                "Theatre is the one art form where something can still go wrong in front of you, and that is its magic",
            ],
            P2 = [new("a theatre critic", "theatre critic"), new("a long-time subscriber", "subscriber")],
            P2Quotes =
            [
                "It is a brave production that takes risks and mostly lands them",
                "I have been coming here for forty years. I could not imagine the city without it",
                "Not every idea works, but you never stop watching",
            ],
            Next = ["The production runs until the end of next month.", "The theatre plans to announce its next season in {weeks}."],
            Captions = ["The stage of the theatre in {city}.", "An illustration for the production in {city}."],
        },
    ];
}
