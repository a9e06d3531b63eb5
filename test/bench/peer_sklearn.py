# The analyst's peer in `pnpm bench`: start Python, train TF-IDF + LogisticRegression on 160 of
# the project's own training statements, predict 200 others; or, given a Menti-shaped csv of
# answers (Question,Response) as well, predict every answer of it (the 100,000 end to end).
# Usage: python3 peer_sklearn.py <training csv> [<answers csv>]
import csv
import sys

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

with open(sys.argv[1], encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
train, test = rows[:160], rows[160:360]
model = make_pipeline(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)), LogisticRegression(max_iter=1000))
model.fit([r["text"] for r in train], [r["themes"].split("|")[0] for r in train])
if len(sys.argv) > 2:
    with open(sys.argv[2], encoding="utf-8") as f:
        test = [{"text": r["Response"]} for r in csv.DictReader(f)]
predicted = model.predict([r["text"] for r in test])
print(len(predicted))
