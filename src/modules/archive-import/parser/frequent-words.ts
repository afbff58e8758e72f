/**
 * The most frequent Swedish words that contain å, ä or ö, roughly in order of frequency in
 * Swedish prose and public-administration text (hand-compiled from common frequency lists).
 * Used only to break a tie between OCR repair candidates ("fran" → "från", not "frän").
 */
const FREQUENT = [
  'är', 'på', 'för', 'så', 'från', 'när', 'även', 'också', 'då', 'än', 'år', 'får', 'där', 'här', 'två',
  'över', 'någon', 'något', 'några', 'många', 'måste', 'både', 'själv', 'sätt', 'mål', 'åt', 'få', 'gå',
  'går', 'gäller', 'ännu', 'sådan', 'sådana', 'första', 'förslag', 'förslaget', 'förvaltningen', 'nämnden',
  'ärendet', 'åtgärder', 'möjlighet', 'möjligheter', 'därför', 'året', 'åren', 'öppen', 'öppna', 'hög', 'höga',
  'högsta', 'bättre', 'bästa', 'större', 'största', 'nämnd', 'förvaltning', 'kräver', 'behöver', 'vår', 'våra',
  'vårt', 'nå', 'mötet', 'möte', 'följande', 'före', 'efter', 'åtta', 'fyra', 'fem', 'tjänster', 'tjänst',
  'även', 'äldre', 'både', 'hälsa', 'arbete', 'förändring', 'utveckling', 'ökad', 'ökar', 'öka', 'lägga',
  'läget', 'länge', 'längre', 'lämpliga', 'lämplig', 'självklart', 'sätta', 'ställa', 'ställer', 'står', 'stå',
  'stöd', 'stödja', 'stödjer', 'särskilt', 'särskild', 'vägleda', 'väl', 'värde', 'världen', 'världens',
  'räcker', 'rätt', 'rätten', 'frågan', 'fråga', 'frågor', 'svår', 'svårt', 'område', 'området', 'områden',
  'målen', 'målet', 'pågår', 'pågående', 'målbild', 'målbilden', 'då', 'nämnder', 'nämnderna', 'förvaltningar', 'förvaltningens',
];

export const FREQUENT_RANK: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  FREQUENT.forEach((w, i) => {
    if (!map.has(w)) map.set(w, i + 1);
  });
  return map;
})();
