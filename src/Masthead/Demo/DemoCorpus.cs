namespace Masthead.Demo;

/// <summary>Where a kind of story can be set.</summary>
internal enum Where
{
    Any,
    Port,
    Capital,
}

/// <summary>How a quoted person is introduced in running text and credited under a block quote.</summary>
internal sealed record Role(string Inline, string Attribution);

internal sealed record City(string Name, bool Port = false);

/// <summary>A country stories can be set in. The first city is the seat of government.</summary>
internal sealed record Country(string Name, string Adj, string Names, string Bloc, bool Euro, City[] Cities)
{
    public City Capital => Cities[0];
}

/// <summary>A desk, with the voices and background paragraphs its stories share.</summary>
internal sealed record SectionSpec(
    string Slug,
    string Name,
    string Description,
    int Weight,
    Role[] Analysts,
    string[] AnalystQuotes,
    string[] Context,
    string[] Comments);

internal sealed record AuthorSpec(string Name, string JobTitle, string Bio, string[] Desks, int Skin, int Hair, bool LongHair, bool Glasses);

internal sealed record SourceSpec(string Name, string Slug, string Host);

/// <summary>
/// All the words the demo newsroom is written from. Everything here is original text made for the demo;
/// people, companies, clubs and groups are invented, places are real.
/// </summary>
internal static partial class DemoCorpus
{
    public static readonly Country[] Countries =
    [
        new("Netherlands", "Dutch", "europe", "European Union", true, [new("The Hague"), new("Rotterdam", true), new("Amsterdam", true), new("Utrecht")]),
        new("Germany", "German", "europe", "European Union", true, [new("Berlin"), new("Hamburg", true), new("Munich"), new("Leipzig")]),
        new("France", "French", "europe", "European Union", true, [new("Paris"), new("Marseille", true), new("Lyon"), new("Bordeaux", true)]),
        new("Spain", "Spanish", "europe", "European Union", true, [new("Madrid"), new("Barcelona", true), new("Valencia", true), new("Seville")]),
        new("Italy", "Italian", "europe", "European Union", true, [new("Rome"), new("Milan"), new("Genoa", true), new("Naples", true)]),
        new("Poland", "Polish", "europe", "European Union", true, [new("Warsaw"), new("Gdansk", true), new("Krakow"), new("Wroclaw")]),
        new("Belgium", "Belgian", "europe", "European Union", true, [new("Brussels"), new("Antwerp", true), new("Ghent", true)]),
        new("Norway", "Norwegian", "europe", "European Free Trade Association", false, [new("Oslo", true), new("Bergen", true), new("Trondheim", true)]),
        new("Kenya", "Kenyan", "africa", "African Union", false, [new("Nairobi"), new("Mombasa", true), new("Kisumu")]),
        new("Nigeria", "Nigerian", "africa", "African Union", false, [new("Abuja"), new("Lagos", true), new("Kano"), new("Port Harcourt", true)]),
        new("South Africa", "South African", "africa", "African Union", false, [new("Pretoria"), new("Cape Town", true), new("Johannesburg"), new("Durban", true)]),
        new("Ghana", "Ghanaian", "africa", "African Union", false, [new("Accra", true), new("Kumasi"), new("Tema", true)]),
        new("Egypt", "Egyptian", "mideast", "African Union", false, [new("Cairo"), new("Alexandria", true), new("Port Said", true)]),
        new("Turkey", "Turkish", "mideast", "G20", false, [new("Ankara"), new("Istanbul", true), new("Izmir", true)]),
        new("India", "Indian", "southasia", "G20", false, [new("New Delhi"), new("Mumbai", true), new("Bengaluru"), new("Chennai", true)]),
        new("Japan", "Japanese", "eastasia", "G20", false, [new("Tokyo", true), new("Osaka", true), new("Sapporo"), new("Fukuoka", true)]),
        new("South Korea", "South Korean", "eastasia", "G20", false, [new("Seoul"), new("Busan", true), new("Incheon", true)]),
        new("Indonesia", "Indonesian", "seasia", "ASEAN", false, [new("Jakarta", true), new("Surabaya", true), new("Bandung")]),
        new("Vietnam", "Vietnamese", "seasia", "ASEAN", false, [new("Hanoi"), new("Ho Chi Minh City", true), new("Da Nang", true)]),
        new("Brazil", "Brazilian", "latam", "Mercosur", false, [new("Brasilia"), new("Sao Paulo"), new("Santos", true), new("Recife", true)]),
        new("Argentina", "Argentine", "latam", "Mercosur", false, [new("Buenos Aires", true), new("Cordoba"), new("Rosario", true)]),
        new("Chile", "Chilean", "latam", "Pacific Alliance", false, [new("Santiago"), new("Valparaiso", true), new("Antofagasta", true)]),
        new("Mexico", "Mexican", "latam", "Pacific Alliance", false, [new("Mexico City"), new("Veracruz", true), new("Monterrey"), new("Guadalajara")]),
        new("Canada", "Canadian", "anglo", "G7", false, [new("Ottawa"), new("Toronto"), new("Vancouver", true), new("Montreal", true)]),
        new("Australia", "Australian", "anglo", "G20", false, [new("Canberra"), new("Sydney", true), new("Melbourne", true), new("Perth", true)]),
    ];

    /// <summary>Given names (women, then men) and family names by region, combined freely into invented people.</summary>
    public static readonly Dictionary<string, (string[] Women, string[] Men, string[] Family)> Names = new()
    {
        ["europe"] = (
            ["Anna", "Sofia", "Eva", "Marta", "Ingrid", "Claire", "Elena", "Katarzyna", "Lotte", "Giulia", "Ines", "Hanna", "Camille", "Noor", "Astrid", "Beatriz"],
            ["Lukas", "Pieter", "Marco", "Jan", "Tomasz", "Henrik", "Julien", "Pablo", "Matteo", "Stefan", "Erik", "Luca", "Bram", "Mikkel", "Andrzej", "Xavier"],
            ["Jansen", "de Vries", "Becker", "Hoffmann", "Moreau", "Lefebvre", "Garcia Ruiz", "Romano", "Ferrari", "Nowak", "Kowalczyk", "Lindberg", "Haugen", "Peeters", "Martens", "Costa", "Navarro", "Schulte", "Dubois", "Visser", "Bianchi", "Wojcik", "Berg", "Olsen"]),
        ["africa"] = (
            ["Amina", "Wanjiru", "Ngozi", "Thandiwe", "Fatima", "Chiamaka", "Nomvula", "Aisha", "Efua", "Grace", "Akosua", "Zainab", "Adaeze", "Lerato"],
            ["Kofi", "Chinedu", "Tunde", "Sipho", "Omari", "Baraka", "Emeka", "Thabo", "Musa", "Kamau", "Yaw", "Kwabena", "Olumide", "Bongani"],
            ["Okonkwo", "Mwangi", "Adeyemi", "Nkosi", "Otieno", "Eze", "Dlamini", "Kariuki", "Mensah", "Mahlangu", "Ochieng", "Balogun", "Boateng", "Asante", "Ndlovu", "Achieng"]),
        ["mideast"] = (
            ["Layla", "Elif", "Zeynep", "Mariam", "Nour", "Selin", "Dina", "Ayse", "Rania", "Derya"],
            ["Mehmet", "Ahmed", "Karim", "Emre", "Mostafa", "Burak", "Hany", "Can", "Tarek", "Serkan"],
            ["Yilmaz", "Demir", "Kaya", "Sahin", "El-Sayed", "Fahmy", "Abdallah", "Ozturk", "Aydin", "Nasser", "Farouk", "Celik"]),
        ["southasia"] = (
            ["Priya", "Ananya", "Kavya", "Meera", "Deepa", "Lakshmi", "Nisha", "Ritu", "Sunita", "Aditi"],
            ["Arjun", "Rahul", "Vikram", "Sanjay", "Rohan", "Anil", "Karthik", "Nikhil", "Amit", "Suresh"],
            ["Sharma", "Iyer", "Kapoor", "Reddy", "Menon", "Nair", "Gupta", "Desai", "Banerjee", "Pillai", "Joshi", "Rao"]),
        ["eastasia"] = (
            ["Aiko", "Yuna", "Haruka", "Ji-woo", "Sakura", "Mei", "Seo-yeon", "Naoko", "Hye-jin", "Emi"],
            ["Hiroshi", "Kenji", "Min-jun", "Takeshi", "Daichi", "Jae-won", "Sung-ho", "Ryo", "Shota", "Dong-hyun"],
            ["Tanaka", "Sato", "Nakamura", "Watanabe", "Kim", "Park", "Lee", "Choi", "Yamamoto", "Kobayashi", "Jung", "Ito"]),
        ["seasia"] = (
            ["Siti", "Dewi", "Linh", "Putri", "Thu", "Ayu", "Huong", "Ratna", "Mai", "Indah"],
            ["Budi", "Agus", "Minh", "Duc", "Rizal", "Hoang", "Eko", "Tuan", "Arief", "Quang"],
            ["Santoso", "Wijaya", "Nguyen", "Tran", "Pham", "Hidayat", "Le", "Kusuma", "Vo", "Pratama", "Hoang", "Saputra"]),
        ["latam"] = (
            ["Camila", "Valentina", "Lucia", "Mariana", "Gabriela", "Daniela", "Isabel", "Renata", "Paula", "Fernanda", "Ximena", "Julieta"],
            ["Mateo", "Diego", "Joao", "Rafael", "Andres", "Carlos", "Felipe", "Tomas", "Gustavo", "Nicolas", "Rodrigo", "Emiliano"],
            ["Silva", "Oliveira", "Fernandez", "Gonzalez", "Rodriguez", "Pereira", "Morales", "Castillo", "Souza", "Herrera", "Vargas", "Lopez", "Reyes", "Araujo", "Medina", "Sepulveda"]),
        ["anglo"] = (
            ["Sarah", "Emma", "Olivia", "Chloe", "Rebecca", "Megan", "Hannah", "Jessica", "Laura", "Nicole"],
            ["James", "Liam", "Jack", "Nathan", "Callum", "Oliver", "Ryan", "Michael", "Owen", "Daniel"],
            ["Walsh", "O'Brien", "Mitchell", "Harris", "Clarke", "Turner", "Robertson", "Fraser", "Kelly", "Evans", "Tremblay", "Gagnon", "MacLeod", "Bennett"]),
    };

    public static readonly SourceSpec[] Sources =
    [
        new("Northwire", "northwire", "northwire.example"),
        new("Continental Press Agency", "continental-press-agency", "continentalpress.example"),
        new("Meridian News Service", "meridian-news-service", "meridiannews.example"),
    ];

    public static readonly AuthorSpec[] Authors =
    [
        new("Anna Keller", "Europe correspondent",
            "Anna Keller covers European affairs from Brussels, following summits, trade disputes and the long nights in which ministers try to agree on money. Before joining Masthead she reported from the Balkans and from Berlin for a regional daily. She speaks German, French and passable Dutch, and still files her copy on a laptop older than some of the interns.",
            ["world", "politics"], 0, 1, true, false),
        new("Tomás Varga", "Political editor",
            "Tomás Varga leads the politics desk, where he has covered four general elections, two coalition collapses and more budget debates than he cares to count. He started out on a local paper writing council reports and court notes. He is interested in how public money is spent and how voters decide, and he answers every reader email eventually.",
            ["politics", "world"], 5, 4, false, true),
        new("Daniel Okafor", "Business editor",
            "Daniel Okafor writes about markets, trade, shipping and the companies that move goods around the world. He trained as an economist and worked in a port authority's planning office before switching to journalism. He edits the business pages and the morning markets briefing.",
            ["business", "technology"], 3, 0, false, false),
        new("Priya Raman", "Science and technology correspondent",
            "Priya Raman reports on research, space, climate science and the technology industry. She holds a doctorate in atmospheric physics and spent three years at a research institute before deciding she preferred explaining results to producing them. She is wary of press releases and fond of raw data.",
            ["science", "technology", "health"], 2, 0, true, true),
        new("Kwame Mensah", "Sports writer",
            "Kwame Mensah covers football, athletics and cycling, with a soft spot for lower-league clubs and long-distance runners. He has reported from three world championships and more wet Tuesday-night fixtures than he can remember. Away from work he coaches a youth team, badly by his own account.",
            ["sport"], 4, 0, false, false),
        new("Leila Haddad", "Arts and culture editor",
            "Leila Haddad writes about film, music, books, museums and the theatre, and edits the weekend culture pages. She previously worked as a programmer for a film festival and as a radio presenter. She also writes on public health when the two beats meet, from hospital arts programmes to the economics of festivals.",
            ["culture", "health"], 1, 2, true, false),
    ];

    /// <summary>Display names of the topic and organisation tags, keyed by slug.</summary>
    public static readonly Dictionary<string, string> TopicTags = new()
    {
        ["diplomacy"] = "Diplomacy", ["trade"] = "Trade", ["energy"] = "Energy", ["migration"] = "Migration", ["climate"] = "Climate",
        ["floods"] = "Floods", ["drought"] = "Drought", ["wildfires"] = "Wildfires", ["protests"] = "Protests", ["human-rights"] = "Human rights",
        ["elections"] = "Elections", ["parliament"] = "Parliament", ["budget"] = "Budget", ["tax"] = "Tax", ["courts"] = "Courts",
        ["corruption"] = "Corruption", ["housing"] = "Housing", ["labour"] = "Labour", ["shipping"] = "Shipping", ["interest-rates"] = "Interest rates",
        ["inflation"] = "Inflation", ["central-banks"] = "Central banks", ["manufacturing"] = "Manufacturing", ["mergers"] = "Mergers and acquisitions", ["agriculture"] = "Agriculture",
        ["artificial-intelligence"] = "Artificial intelligence", ["cybersecurity"] = "Cybersecurity", ["semiconductors"] = "Semiconductors", ["startups"] = "Startups", ["telecoms"] = "Telecoms",
        ["space"] = "Space", ["oceans"] = "Oceans", ["archaeology"] = "Archaeology", ["wildlife"] = "Wildlife", ["research"] = "Research",
        ["public-health"] = "Public health", ["vaccines"] = "Vaccines", ["hospitals"] = "Hospitals", ["air-pollution"] = "Air pollution", ["medicines"] = "Medicines",
        ["mental-health"] = "Mental health", ["football"] = "Football", ["athletics"] = "Athletics", ["cycling"] = "Cycling", ["tennis"] = "Tennis",
        ["stadiums"] = "Stadiums", ["film"] = "Film", ["music"] = "Music", ["books"] = "Books", ["museums"] = "Museums",
        ["theatre"] = "Theatre", ["transport"] = "Transport", ["rail"] = "Rail", ["aviation"] = "Aviation", ["renewables"] = "Renewable energy",
        ["water"] = "Water", ["education"] = "Education", ["privacy"] = "Privacy", ["festivals"] = "Festivals", ["heritage"] = "Heritage",
        ["european-union"] = "European Union", ["african-union"] = "African Union", ["g20"] = "G20", ["g7"] = "G7", ["asean"] = "ASEAN",
        ["mercosur"] = "Mercosur", ["pacific-alliance"] = "Pacific Alliance", ["european-free-trade-association"] = "European Free Trade Association", ["united-nations"] = "United Nations",
        ["world-health-organization"] = "World Health Organization", ["world-trade-organization"] = "World Trade Organization", ["international-monetary-fund"] = "International Monetary Fund",
    };

    public static readonly SectionSpec[] Sections =
    [
        new("world", "World",
            "News from around the globe: diplomacy, conflict, disasters and the people living through them, from our correspondents and partner agencies.",
            17,
            [new("a researcher at the {city2} Centre for International Studies", "researcher, {city2} Centre for International Studies"),
             new("a senior fellow at the Institute for Regional Affairs", "senior fellow, Institute for Regional Affairs"),
             new("a former diplomat who now teaches at the University of {city2}", "former diplomat, University of {city2}")],
            ["What we are seeing is less a breakthrough than a pause, and pauses can be useful if both sides use them well",
             "Governments in the region are watching this closely, because whatever is agreed here will become the template for the next dispute",
             "The risk is that the headlines move on long before the practical work is done",
             "There is more goodwill than the public statements suggest, but goodwill does not pay for anything"],
            ["{Country} has been pushing for a bigger say in regional decisions for several years, arguing that smaller economies carry much of the cost of policies agreed elsewhere.",
             "International observers have repeatedly called for closer coordination between neighbouring governments, warning that piecemeal national responses tend to shift problems across borders rather than solve them.",
             "The issue has featured prominently in {adj} domestic politics, with opposition parties accusing the government of moving too slowly and business groups warning against rushed commitments.",
             "Aid organisations say the situation on the ground is changing faster than official plans, and that local authorities are often left to improvise."],
            ["Good to see this covered beyond the usual two paragraphs.", "The rest of the world tends to notice {country} only when something goes wrong.", "Hard to know what to believe when every government spins it differently.", "My family lives near {city} and this matches what they tell me.", "Foreign coverage is the first thing outlets cut. Glad you haven't.", "The map would have helped, to be honest. Where exactly is this?"]),
        new("politics", "Politics",
            "Elections, parliaments, budgets and the people who run them: how decisions are made and who they affect.",
            15,
            [new("a professor of political science at the University of {city2}", "professor of political science, University of {city2}"),
             new("a polling analyst at the Civic Research Group", "polling analyst, Civic Research Group"),
             new("the director of the Open Government Forum, a transparency group", "director, Open Government Forum")],
            ["Voters are tired of hearing about process. They want to see something change in their own street",
             "This is the kind of decision that looks small today and defines a government in two years' time",
             "Coalitions survive by managing disagreement, not by pretending it does not exist",
             "The numbers in parliament are tight enough that a handful of backbenchers can decide the outcome"],
            ["The governing coalition holds a narrow majority in parliament and has relied on smaller parties to pass several key measures this year.",
             "Recent opinion polls suggest voters are more concerned about living costs and housing than about the constitutional questions that have dominated debate in {capital}.",
             "Turnout at the last national election was the lowest in two decades, a trend all the main parties have promised to reverse.",
             "The opposition has promised to challenge the measures in committee, where it holds several influential chairs."],
            ["Politicians promising things before an election, what a surprise.", "I'd like to see the actual figures, not just the press release.", "Whoever wins, the people in {city2} still wait years for anything to change.", "Finally some movement. Let's see if it survives the next vote.", "Every government says the same thing in its first hundred days.", "Parliament should be debating this in public, not in back rooms."]),
        new("business", "Business",
            "Markets, companies, trade and work: the economy as it is felt in offices, ports and household budgets.",
            16,
            [new("chief economist at {city2} Capital Partners", "chief economist, {city2} Capital Partners"),
             new("a senior analyst at Brightmoor Research", "senior analyst, Brightmoor Research"),
             new("head of markets research at the Harbourline Bank", "head of markets research, Harbourline Bank")],
            ["Markets had priced in some of this already, but not the scale of it",
             "Companies can absorb one bad quarter. What worries me is a third or fourth in a row",
             "The underlying picture is better than the headline figure suggests, but it is fragile",
             "Investors want clarity more than they want good news, and right now they have neither"],
            ["The {adj} economy grew by a modest margin in the last quarter, held back by weak consumer spending and higher borrowing costs.",
             "Shipping and logistics costs have swung sharply over the past two years, squeezing margins for manufacturers that rely on imported parts.",
             "Business confidence surveys have improved slightly in recent months, though firms in construction and retail remain gloomy.",
             "Unemployment in {country} remains low by historical standards, but wage growth has lagged behind prices for much of the past year."],
            ["Shareholders will be fine. Workers and customers pay, as always.", "As someone in logistics I can say this has been coming for months.", "Interesting that nobody mentions what this means for pensions.", "The market always overreacts to this kind of news, then forgets it in a week.", "My shopping bill tells me more about the economy than any forecast.", "Small businesses never get a seat at these tables."]),
        new("technology", "Technology",
            "The companies, code and rules shaping digital life: artificial intelligence, security, chips, networks and start-ups.",
            12,
            [new("a researcher in computer security at {city2} Technical University", "security researcher, {city2} Technical University"),
             new("an analyst at the Digital Futures Institute", "analyst, Digital Futures Institute"),
             new("a partner at the venture firm Lanternfield Capital", "partner, Lanternfield Capital")],
            ["The technology is moving faster than the institutions meant to oversee it, and that gap is where the problems live",
             "Every company says security is a priority until it has to choose between security and a launch date",
             "What matters is not the announcement but whether anyone is still maintaining this in five years",
             "There is real engineering progress here, but also a great deal of marketing wrapped around it"],
            ["Governments across the region have been trying to agree common rules for digital services, with mixed results so far.",
             "The sector employs tens of thousands of people in {country}, and ministers have repeatedly described it as central to future growth.",
             "Demand for data-centre capacity has grown rapidly, raising questions about electricity supply and water use in several regions.",
             "A shortage of skilled engineers has pushed salaries up and led several firms to open offices abroad."],
            ["Who audits any of this? Genuinely asking.", "I work in IT and half of this is buzzwords.", "Another reason to keep backups of everything.", "The tech is impressive, the business model less so.", "Good to see a tech story without the hype.", "Regulation always arrives five years after the problem."]),
        new("science", "Science",
            "Discoveries and the people who make them: space, climate, the natural world and the long work behind every result.",
            10,
            [new("an independent researcher who was not involved in the study", "independent researcher"),
             new("a professor of earth sciences at the University of {city2}", "professor of earth sciences, University of {city2}"),
             new("a science policy adviser at the National Academy of Sciences of {country}", "science policy adviser")],
            ["It is a careful piece of work, and the authors are honest about what it cannot tell us",
             "Results like this need to be replicated before anyone builds policy on them",
             "What excites me is not the single finding but the method, which others can now use",
             "We have had hints of this for years; now we have measurements"],
            ["Funding for basic research in {country} has been broadly flat for a decade, and scientists have warned that long-term projects are increasingly hard to sustain.",
             "The work builds on a series of smaller studies carried out over the past fifteen years, several of which produced conflicting results.",
             "International collaboration has become the norm in the field, with large projects often involving dozens of institutions on several continents.",
             "Data from the project will be made publicly available, allowing other groups to test the conclusions independently."],
            ["Fascinating. More of this and less politics please.", "Would love a link to the actual paper.", "Science reporting that explains the uncertainty, thank you.", "My kids will be reading this one tonight.", "This is why basic research deserves funding.", "Wonderful. I had no idea about any of this.", "The researchers sound admirably careful.", "I studied this at university decades ago and it is amazing how far it has come."]),
        new("health", "Health",
            "Hospitals, medicines, public health and the decisions that shape how we are cared for.",
            10,
            [new("a public health specialist at the {city2} School of Medicine", "public health specialist, {city2} School of Medicine"),
             new("an epidemiologist who advises the regional health authority", "epidemiologist"),
             new("the chair of the {adj} Patients' Association", "chair, {adj} Patients' Association")],
            ["Prevention never makes headlines, but it is where most of the gains are",
             "People want to know two things: is it safe, and will it be available to them",
             "Staff have been running on goodwill for years, and goodwill is a finite resource",
             "Good data is the foundation of everything here, and for too long we have not had it"],
            ["Health spending in {country} has risen in recent years, but an ageing population has increased demand even faster.",
             "Waiting lists for routine operations remain long in several regions, despite repeated pledges from the government to cut them.",
             "Public health officials have urged people to keep up with routine check-ups and vaccinations, which fell sharply in some age groups during recent winters.",
             "Doctors' organisations have warned that staff shortages are now the biggest single constraint on hospital capacity."],
            ["Staff on the wards deserve better, full stop.", "My mother waited months for a simple procedure, so I'm not surprised.", "Please report the absolute numbers, not just percentages.", "Good to see this explained without scaremongering.", "Prevention is always cheaper, and it is always the first thing cut.", "I work in a hospital. This is accurate."]),
        new("sport", "Sport",
            "Football, athletics, tennis, cycling and more: results, reports and the stories behind them.",
            12,
            [new("a former international who now works as a television pundit", "former international and pundit"),
             new("a sports economist at the University of {city2}", "sports economist, University of {city2}"),
             new("a veteran coach who has worked in the league for two decades", "veteran coach")],
            ["At this level, the margins are tiny, and the team that stays calm usually wins",
             "People forget how much of this is decided on the training ground on a Tuesday morning",
             "You cannot buy consistency. You build it over seasons",
             "The talent has always been there; what has changed is the belief"],
            ["Attendances across the league have risen this season, helped by cheaper tickets for younger supporters.",
             "The sport's governing body has promised to review scheduling after complaints from players about the number of fixtures.",
             "Broadcast income has transformed the finances of the top clubs, widening the gap with teams further down the pyramid.",
             "Grassroots participation has grown steadily, with local clubs reporting waiting lists for junior sections."],
            ["What a performance. Still can't believe that finish.", "Deserved, no question.", "I was there! The atmosphere was incredible.", "Money has ruined the sport, but I still watch every week.", "The young ones coming through are the real story.", "Ticket prices for events like this are getting silly.", "Best report of the day, better than the television coverage.", "The organisers deserve credit too.", "Been following this for twenty years and that was something special.", "Hope this gets more kids in {city} into sport."]),
        new("culture", "Culture",
            "Film, music, books, museums and the stage: reviews, interviews and the business of culture.",
            10,
            [new("a critic and lecturer in cultural history at the University of {city2}", "critic and lecturer, University of {city2}"),
             new("the director of the {city2} Arts Council", "director, {city2} Arts Council"),
             new("a programmer for several international festivals", "festival programmer")],
            ["Audiences are more adventurous than the industry gives them credit for",
             "Culture is not a luxury for good times; it is how a city explains itself to itself",
             "The work will outlast the controversy, as good work usually does",
             "Public money in the arts has always been argued over, and it should be, but the returns are real"],
            ["Public funding for the arts in {country} was cut sharply a decade ago and has only partly recovered since.",
             "Visitor numbers at major cultural venues have returned to their earlier levels, though smaller organisations say they are still struggling with higher costs.",
             "The city has invested heavily in cultural venues over the past decade as part of an effort to attract visitors outside the summer season.",
             "Critics have long argued that the sector relies too heavily on a handful of large institutions in the capital."],
            ["Saw it last week, absolutely worth it.", "Ticket prices are getting out of hand though.", "Culture coverage like this is why I subscribe.", "Not my thing, but glad it exists.", "Adding this to my list.", "{city} has quietly become a great place for this kind of thing.", "More of this please, less celebrity gossip.", "I went with my parents and we all loved it."]),
    ];

    /// <summary>Captions for a drawing of a given scene, filled with the story's place and people.</summary>
    public static readonly Dictionary<Scene, string[]> SceneCaptions = new()
    {
        [Scene.Skyline] = ["The skyline of {city}.", "Evening over {city}."],
        [Scene.Port] = ["Cranes and containers at the port of {city}.", "The harbour in {city}."],
        [Scene.Chart] = ["The figures behind the story, charted.", "The numbers for {country}, charted over recent months."],
        [Scene.Map] = ["{City} and the surrounding region, shown on a map.", "A map of the region around {city}."],
        [Scene.Parliament] = ["The parliament building in {capital}.", "Government buildings in {capital}."],
        [Scene.Circuit] = ["Circuitry of the kind at the heart of the story.", "The hardware behind the systems in question."],
        [Scene.Space] = ["An artist's impression of a distant world.", "A planet and its moons, in an artist's impression."],
        [Scene.Molecule] = ["A molecular model of the kind used in the research.", "The chemistry behind the story, as a molecular model."],
        [Scene.Health] = ["Health services in {city} are under strain.", "Public health in {country} is at the centre of the debate."],
        [Scene.Stadium] = ["The stadium in {city} under floodlights.", "A full house in {city}."],
        [Scene.Court] = ["The main court in {city}.", "The arena in {city} before play."],
        [Scene.Stage] = ["The stage in {city} before the performance.", "Spotlights on the stage in {city}."],
        [Scene.Landscape] = ["The countryside outside {city}.", "Hills and fields near {city}."],
        [Scene.Abstract] = ["An illustration for this story.", "Shapes and colour: an illustration for this story."],
    };

    /// <summary>Lines that fit any story near the end.</summary>
    public static readonly string[] Closers =
    [
        "Officials said further details would be published in the coming days.",
        "A full report is expected to be presented to parliament later in the year.",
        "Neither side gave any indication of when talks would resume.",
        "The authorities said they would keep the situation under review.",
        "It was not immediately clear how many people would be affected.",
    ];

    public static readonly string[] CriticIntros =
    [
        "Not everyone was convinced.",
        "Critics were quick to respond.",
        "{p2}, {p2role}, struck a more sceptical note.",
        "Others see it differently.",
        "{p2} was less optimistic.",
        "The reaction from {p2}, {p2role}, was blunt.",
    ];

    public static readonly string[] SpeechVerbs =
    [
        "told reporters", "said in a statement", "said at a news conference", "said in an interview", "told a meeting of supporters",
    ];

    // ---------------------------------------------------------------- comments

    public static readonly string[] CommentOpeners =
    [
        "", "", "", "Interesting piece.", "Thanks for the clear write-up.", "Hmm.", "Well.", "Honestly?", "Good article.", "Read this twice.",
        "Long-time reader, first comment.", "Sigh.", "Fair reporting, for once.", "Important story.", "Not surprised at all.",
    ];

    /// <summary>Reader lines for hard news: politics, money, disasters, public services.</summary>
    public static readonly string[] CommentCores =
    [
        "I doubt {subject} will change much for ordinary people in {city}.",
        "The real question is who ends up paying for {subject}.",
        "{Subject} was overdue, frankly.",
        "I live not far from {city} and nobody here is surprised by any of this.",
        "Would be good to hear from the people directly affected, not just officials.",
        "Everyone saw {subject} coming except the people in charge.",
        "This is what happens when decisions get postponed for years.",
        "People keep underestimating how much {subject} matters outside {capital}.",
        "Both sides have a point, which is why it's so hard.",
        "The article could have mentioned the history here, it goes back a long way.",
        "Nobody in {capital} seems to understand what life is like in {city2}.",
        "Good news, if it actually happens.",
        "Not convinced {subject} is the main issue, to be honest.",
        "Sometimes the boring solution is the right one.",
        "My neighbours have been talking about {subject} for weeks.",
        "Short-term thinking again.",
        "The numbers in paragraph four are the real story.",
        "Credit where it's due: this was handled better than I expected.",
        "I remember when something similar happened ten years ago, and it ended badly.",
        "Can someone explain why this takes so long?",
        "{p2last} is right, and they know it.",
        "Let's not pretend {subject} is simple.",
    ];

    /// <summary>Reader lines that fit any story.</summary>
    public static readonly string[] UniversalCores =
    [
        "I'd like a follow-up on this in six months.",
        "This deserves far more attention than it is getting.",
        "The quote from {p1last} says it all.",
        "{p2last} has a point, to be fair.",
        "Shared this with my whole family.",
        "Nice to read something that isn't all doom for once.",
        "I was in {city} last month, and people there were talking about {subject}.",
        "Didn't expect to read about {city} today.",
        "Clearer than anything else I've read on {subject}.",
        "The comments here are always better than on social media.",
        "Whoever wrote the headline deserves a raise.",
    ];

    public static readonly string[] CommentClosers =
    [
        "", "", "", "", "We'll see.", "Time will tell.", "Just my two cents.", "Keep up the good work.", "Sad, really.",
        "Fingers crossed.", "Rant over.", "Watch this space.", "Anyway.", "Thoughts?",
    ];

    public static readonly string[] Replies =
    [
        "Fair point, but {core}",
        "I disagree. {core}",
        "{parent}, exactly this.",
        "Do you have a source for that?",
        "Agreed.",
        "Not sure that's right. {core}",
        "This. {core}",
        "{parent}, I think you're missing the bigger picture.",
        "Spot on, {parent}.",
        "Ha, I had the same thought.",
        "That's a bit unfair. {core}",
        "Respectfully, no. {core}",
        "Well said.",
        "{parent}, read the article again, it says the opposite.",
        "Same experience here.",
        "Depends where you live, really. {core}",
        "You're not wrong, {parent}.",
        "I used to think that too, then I read the whole article.",
    ];

    public static readonly string[] SpamBodies =
    [
        "Great article!!! I make 400 a day working from home, see my profile for details.",
        "Very informative. Visit our site for the best prices on watches and sunglasses.",
        "Nice post. Buy followers cheap, instant delivery, link in name.",
        "Earn money fast with crypto signals, guaranteed returns, message me now.",
        "Thanks for sharing. Cheap flights and hotels at our website, best deals of the season!",
    ];

    public static readonly string[] Handles =
    [
        "rivergazer", "oldtownreader", "quietobserver", "nightbus", "thirdcoffee", "harbourview", "northernlight", "plainspeaker",
        "bookworm77", "citycyclist", "longtimelurker", "weatherwatcher", "grumpy_econ", "balconygardener", "tramline9",
        "seasidereader", "midfield_general", "lastword", "doubting_thomasina", "skepticalsam",
    ];

    public static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36",
    ];

    public static readonly string[] WithdrawalNotes =
    [
        "This article has been withdrawn because it was based on a document that turned out not to be authentic. We apologise to our readers.",
        "This article has been withdrawn at the request of the agency that supplied it, pending a review of its sourcing.",
        "This article has been withdrawn for legal reasons.",
    ];
}
