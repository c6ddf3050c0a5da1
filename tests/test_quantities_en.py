"""English press strings through find_mentions: one table per phenomenon, ids = the input.

Each row lists every mention the sentence must give (an empty list: none) with the fields that
matter for it; text == source[start:end] is checked for every mention.
"""
from mentions_table import q, table_test, xf

LANG = "en"
NBSP, NNBSP = "\u00a0", "\u202f"


DIGITS = [
    ("Training took roughly 3.8 × 10^25 FLOPs.", [q("roughly 3.8 × 10^25 FLOPs", 3.8e25, "FLOPs", qualifier="~")]),
    # an exponent whose superscript was lost in copying is read as meant (decision 12); a product stays one
    ("Training took roughly 2.4 × 1024 FLOPs.", [q("roughly 2.4 × 1024 FLOPs", 2.4e24, "FLOPs", qualifier="~")]),
    ("a budget of 6.3 × 10^{24} FLOPs", [q("6.3 × 10^{24} FLOPs", 6.3e24, "FLOPs")]),
    ("a 2 x 1024 pixel panel", [q("2", 2.0), q("1024", 1024.0)]),
    # a unit worth a multiple of its unit: a petaflop/s-day is 8.64e19 operations; petaflops alone are a speed
    ("trained with about 1,250 petaflop-days", [q("about 1,250 petaflop-days", 1.08e23, "FLOPs", qualifier="~")]),
    ("a 430 petaflop/s-days run", [q("430 petaflop/s-days", 3.7152e22, "FLOPs")]),
    ("a machine of 200 petaflops", [q("200", 200.0)]),
    # GPU-hours written with the chip or another accelerator's name
    ("it took 1.9 million H800 hours", [q("1.9 million H800 hours", 1.9e6, "GPU-hours")]),
    ("some 4.1 million TPU hours", [q("some 4.1 million TPU hours", 4.1e6, "GPU-hours", qualifier="~")]),
    ("3.3 million hours of H800 GPU time", [q("3.3 million hours of H800 GPU time", 3.3e6, "GPU-hours")]),
    ("1,000 H100 GPUs for 24 hours", [q("1,000 H100 GPUs", 1000.0, "GPUs"), q("24 hours", 24.0, "hours")]),
    ("About 2.1e25 FLOPs were used.", [q("About 2.1e25 FLOPs", 2.1e25, "FLOPs", qualifier="~")]),
    ("It used 5 x 10^24 FLOP.", [q("5 x 10^24 FLOP", 5e24, "FLOPs")]),
    ("The firm employs 1,234 people.", [q("1,234 people", 1234.0, "people", precision=1.0)]),
    ("A total of 2,788,000 hours.", [q("2,788,000 hours", 2788000.0, "hours")]),
    ("The index rose to 1,234.5 points.", [q("1,234.5", 1234.5, precision=0.1)]),
    ("It weighs 4.800 kilograms.", [q("4.800", 4.8, precision=0.001)]),
    ("A score of 0.5 only.", [q("0.5", 0.5)]),
    ("The value .25 is rare.", [q(".25", 0.25)]),
    ("It has 17 bugs.", [q("17", 17.0)]),
    ("We counted 12,000,000 visits.", [q("12,000,000", 12e6)]),
    ("The list 22,24,26 was cut.", [q("22", 22.0), q("24", 24.0), q("26", 26.0)]),
    ("An estimate of 3.8e25 operations.", [q("3.8e25", 3.8e25)]),
    ("They sold 15,000 copies.", [q("15,000", 15000.0)]),
    ("Some 7 teams took part.", [q("Some 7", 7.0, qualifier="~")]),
    ("A ratio of 2.3 to 1 was seen.", [q("2.3", 2.3), q("1", 1.0)]),
    ("It holds 100 seats.", [q("100", 100.0)]),
    ("A balance of -9.25 was left.", [q("-9.25", -9.25)]),
    ("The robot has 42 sensors.", [q("42", 42.0)]),
    (f"A total of 1{NBSP}234 units.", [q(f"1{NBSP}234", 1234.0)]),
    ("The limit is 65,536 entries.", [q("65,536", 65536.0)]),
    ("the address 192.168.1.2 is local.", [q("192", 192.0), q("168", 168.0), q("1", 1.0), q("2", 2.0)]),
    ("They ran 3,500 kilometres.", [q("3,500", 3500.0)]),
]

SCALES = [
    ("It raised $5.576M last year.", [q("$5.576M", 5576000.0, "USD", precision=1000.0)]),
    ("A budget of 500 billion.", [q("500 billion", 5e11, precision=1e9)]),
    ("A fund of 100 million.", [q("100 million", 1e8, precision=1e6)]),
    ("A $5bn deal.", [q("$5bn", 5e9, "USD")]),
    ("They gained 10k followers.", [q("10k", 1e4)]),
    ("A 1.2b valuation.", [q("1.2b", 1.2e9)]),
    ("A $3tn market.", [q("$3tn", 3e12, "USD")]),
    ("It raised $40m in January.", [q("$40m", 4e7, "USD")]),
    ("A 2 trillion economy.", [q("2 trillion", 2e12)]),
    ("Some 5 thousand visitors came.", [q("Some 5 thousand visitors", 5000.0, "users", qualifier="~")]),
    ("A 671B model.", [q("671B", 671e9)]),
    ("It is worth $157B.", [q("$157B", 157e9, "USD")]),
    ("A loss of $2.5 billion.", [q("$2.5 billion", 2.5e9, "USD", precision=1e8)]),
    ("Revenue hit 3.4 bn euros.", [q("3.4 bn euros", 3.4e9, "EUR")]),
    ("An outlay of 10 million dollars.", [q("10 million dollars", 1e7, "USD")]),
    ("A 5M$ seed round.", [q("5M$", 5e6, "USD")]),
    ("A 300 million pound contract.", [q("300 million pound", 3e8, "GBP")]),
    ("Two billion dollars were spent.", [q("Two billion dollars", 2e9, "USD")]),
    ("Half a million people", [q("Half a million people", 5e5, "people")]),
    ("A 3.2 million increase.", [q("3.2 million", 3.2e6)]),
]

MONEY = [
    ("It charges 7.5 cents per million input tokens.", [q("7.5 cents per million input tokens", 0.075, "USD", per="1M input tokens", precision=0.001)]),
    ("A search costs 15 cents.", [q("15 cents", 0.15, "USD")]),
    ("The stamp is 20 pence.", [q("20 pence", 0.2, "GBP")]),
    ("Only 99 cents a month.", [q("99 cents a month", 0.99, "USD", per="month")]),
    ("DeepSeek said it spent $5.6 million on training.", [q("$5.6 million", 5.6e6, "USD", precision=1e5)]),
    ("GPT-4 cost more than $100 million to train.", [q("more than $100 million", 1e8, "USD", qualifier=">", low=1e8)]),
    ("A £10 fee.", [q("£10", 10.0, "GBP")]),
    ("A €20 ticket.", [q("€20", 20.0, "EUR")]),
    ("It costs 25 euros.", [q("25 euros", 25.0, "EUR")]),
    ("It costs US$ 30.", [q("US$ 30", 30.0, "USD")]),
    ("It costs C$ 30.", [q("C$ 30", 30.0, "CAD")]),
    ("a CAN$7 billion plan", [q("CAN$7 billion", 7e9, "CAD")]),
    ("It costs A$ 30.", [q("A$ 30", 30.0, "AUD")]),
    ("It costs HK$ 30.", [q("HK$ 30", 30.0, "HKD")]),
    ("A ¥500 billion plan.", [q("¥500 billion", 5e11, "JPY")]),
    ("It costs 100 yuan.", [q("100 yuan", 100.0, "CNY")]),
    ("A 2 billion yen loan.", [q("2 billion yen", 2e9, "JPY")]),
    ("They paid USD 4 million.", [q("USD 4 million", 4e6, "USD")]),
    ("They paid 4 million USD.", [q("4 million USD", 4e6, "USD")]),
    ("It costs 50 Canadian dollars.", [q("50 Canadian dollars", 50.0, "CAD")]),
    xf(("The stock fell $2.75.", [q("$2.75", 2.75, "USD", direction="down")]),
       "a change verb right before money is ignored: 'raised $4 billion' is funding, not a rise"),
    ("The stock fell by $2.75.", [q("$2.75", 2.75, "USD", direction="down")]),
    ("Anthropic raised $4 billion from Amazon.", [q("$4 billion", 4e9, "USD", direction=None)]),
    ("A $200 subscription.", [q("$200", 200.0, "USD")]),
    ("Microsoft invested $13 billion in OpenAI.", [q("$13 billion", 13e9, "USD")]),
    ("Nvidia lost $589 billion in market value.", [q("$589 billion", 589e9, "USD")]),
    ("a $500bn project", [q("$500bn", 5e11, "USD")]),
    ("It cost 3 dollars 50 cents.", [q("3 dollars 50 cents", 3.5, "USD")]),
    ("A 50 cents stamp.", [q("50 cents", 0.5, "USD", precision=0.01)]),
    ("A 1,000 Swiss francs fine.", [q("1,000 Swiss francs", 1000.0, "CHF")]),
    ("It trades at $0.14.", [q("$0.14", 0.14, "USD")]),
    ("It raised $6.6 billion.", [q("$6.6 billion", 6.6e9, "USD")]),
    ("A $40 million (Canadian) deal.", [q("$40 million", 4e7, "USD", note="$ read as USD; the text says 'Canadian' nearby (CAD?)")]),
    ("Revenue was £3.2bn.", [q("£3.2bn", 3.2e9, "GBP")]),
    ("Worth $3.4 trillion.", [q("$3.4 trillion", 3.4e12, "USD")]),
    ("Price: 9.99 dollars.", [q("9.99 dollars", 9.99, "USD")]),
    ("A 75 million euro deal.", [q("75 million euro", 7.5e7, "EUR")]),
    ("Hey, the cost is 100元!", [q("100元", 100.0, "CNY")]),
]

PERCENT = [
    ("Prices rose 30%.", [q("30%", 30.0, "percent", direction="up")]),
    ("Shares were up 4.5%.", [q("4.5%", 4.5, "percent", direction="up")]),
    ("Sales were down 12 percent.", [q("12 percent", 12.0, "percent", direction="down")]),
    ("A 30% increase.", [q("30%", 30.0, "percent", direction="up")]),
    ("They cut prices by 50%.", [q("50%", 50.0, "percent", direction="down")]),
    ("The stock dropped 17% on Monday.", [q("17%", 17.0, "percent", direction="down")]),
    ("+30% year on year.", [q("+30%", 30.0, "percent", direction="up")]),
    ("-5% year on year.", [q("-5%", -5.0, "percent", direction="down")]),
    ("A 40 per cent stake.", [q("40 per cent", 40.0, "percent")]),
    ("Rates rose 2 percentage points.", [q("2 percentage points", 2.0, "pp")]),
    ("About 60% of users", [q("About 60%", 60.0, "percent", qualifier="~")]),
    ("more than 90% of queries", [q("more than 90%", 90.0, "percent", qualifier=">", low=90.0)]),
    ("less than 10% of the market", [q("less than 10%", 10.0, "percent", qualifier="<", high=10.0)]),
    ("twenty percent of staff", [q("twenty percent", 20.0, "percent")]),
    ("a 50% discount", [q("50%", 50.0, "percent", direction="down")]),
    ("a 17% drop", [q("17%", 17.0, "percent", direction="down")]),
    ("revenue grew 8% in the quarter", [q("8%", 8.0, "percent", direction="up")]),
    ("a 3% annual growth", [q("3%", 3.0, "percent")]),
    ("margins of 3% a year", [q("3% a year", 3.0, "percent", per="year")]),
    ("inflation at 2.4%", [q("2.4%", 2.4, "percent", precision=0.1)]),
    ("a 25% stake", [q("25%", 25.0, "percent")]),
    ("It rose 12% to $5 billion.", [q("12%", 12.0, "percent", direction="up"), q("$5 billion", 5e9, "USD")]),
    ("nearly 40% cheaper", [q("nearly 40%", 40.0, "percent", qualifier="~", direction="down")]),
    ("Costs increased by 15%.", [q("15%", 15.0, "percent", direction="up")]),
    ("one hundred percent", [q("one hundred percent", 100.0, "percent")]),
]

RATIOS = [
    ("More than a third of users pay.", [q("More than a third", 3.0, "x", direction="less", qualifier="<", high=3.0)]),
    ("The cost was divided by four.", [q("divided by four", 4.0, "x", direction="less")]),
    ("It used a tenth of the compute.", [q("a tenth", 10.0, "x", direction="less")]),
    ("It cost one-tenth the cost of GPT-4.", [q("one-tenth", 10.0, "x", direction="less")]),
    ("It spent a third of the budget.", [q("a third", 3.0, "x", direction="less")]),
    ("It needs a quarter of the chips.", [q("a quarter", 4.0, "x", direction="less")]),
    ("A third of users pay.", [q("A third", 3.0, "x", direction="less")]),
    ("It costs half as much.", [q("half as much", 2.0, "x", direction="less")]),
    ("Prices have tripled since 2023.", [q("tripled", 3.0, "x", direction="more")]),
    ("Its revenue doubled.", [q("doubled", 2.0, "x", direction="more")]),
    ("Its compute was multiplied by four.", [q("multiplied by four", 4.0, "x", direction="more")]),
    ("V3 used 11x less compute than Llama 3.", [q("11x less", 11.0, "x", direction="less")]),
    ("It is 11 times cheaper.", [q("11 times cheaper", 11.0, "x", direction="less")]),
    ("It needs 11 times fewer chips.", [q("11 times fewer", 11.0, "x", direction="less")]),
    ("It is twice as expensive.", [q("twice as expensive", 2.0, "x", direction="more")]),
    ("a ten-fold increase", [q("ten-fold increase", 10.0, "x", direction="more")]),
    ("a 10-fold rise", [q("10-fold rise", 10.0, "x", direction="more")]),
    ("at half the cost", [q("half", 2.0, "x", direction="less")]),
    ("ten times", [q("ten times", 10.0, "x", direction=None)]),
    ("It is 50 times cheaper than GPT-4o.", [q("50 times cheaper", 50.0, "x", direction="less")]),
    ("It is about 50 times cheaper.", [q("about 50 times cheaper", 50.0, "x", direction="less", qualifier="~")]),
    ("3x faster", [q("3x faster", 3.0, "x", direction="more")]),
    ("four times more energy", [q("four times more", 4.0, "x", direction="more")]),
    ("a tenfold jump", [q("tenfold jump", 10.0, "x", direction="more")]),
    ("up to 100 times faster", [q("up to 100 times faster", 100.0, "x", direction="more", qualifier="<=")]),
    ("2.5 times larger", [q("2.5 times larger", 2.5, "x", direction="more")]),
    ("twice", [q("twice", 2.0, "x", direction=None)]),
    ("a 1920 x 1080 screen", [q("1920", 1920.0), q("1080", 1080.0)]),
    ("30 times lower", [q("30 times lower", 30.0, "x", direction="less")]),
    ("three times as many GPUs", [q("three times as many", 3.0, "x", direction="more")]),
    ("eleven times less", [q("eleven times less", 11.0, "x", direction="less")]),
]

WORDS = [
    ("Eleven firms signed.", [q("Eleven firms", 11.0, "companies")]),
    # a half after the units is of the units; after the scale, of the scale
    ("one and a half billion dollars", [q("one and a half billion dollars", 1.5e9, "USD")]),
    ("three and a half million GPUs", [q("three and a half million GPUs", 3.5e6, "GPUs")]),
    ("a billion and a half dollars", [q("a billion and a half dollars", 1.5e9, "USD")]),
    ("$4 billion and a half", [q("$4 billion and a half", 4.5e9, "USD")]),
    xf(("a quarter of a billion dollars", [q("a quarter of a billion dollars", 2.5e8, "USD")]),
       "a fraction 'of a' scale is read as a factor and a separate amount"),
    xf(("$1½ billion", [q("$1½ billion", 1.5e9, "USD")]), "vulgar fraction characters are not read"),
    ("three hundred engineers", [q("three hundred engineers", 300.0, "employees")]),
    ("twenty-five countries", [q("twenty-five countries", 25.0, "countries")]),
    ("ninety days", [q("ninety days", 90.0, "days")]),
    ("a dozen startups", [q("a dozen startups", 12.0, "companies")]),
    ("three million users", [q("three million users", 3e6, "users")]),
    ("one hundred and sixteen", [q("one hundred and sixteen", 116.0)]),
    ("a half", [q("a half", 0.5)]),
    ("a cat", []),
    # an order of magnitude is a range (docs/annotation.md, decision 10)
    ("millions of people", [q("millions of people", None, "people", qualifier="range", low=1e6, high=1e9)]),
    ("two and a half", [q("two and a half", 2.5)]),
    ("seven billion dollars", [q("seven billion dollars", 7e9, "USD")]),
    ("nine hundred thousand", [q("nine hundred thousand", 9e5)]),
    ("a million dollars", [q("a million dollars", 1e6, "USD")]),
    ("forty-two", [q("forty-two", 42.0)]),
    ("sixteen", [q("sixteen", 16.0)]),
    ("a hundred chips", [q("a hundred chips", 100.0, "GPUs")]),
    ("half a dozen models", [q("half a dozen models", 6.0, "models")]),
    ("thirty-three years", [q("thirty-three years", 33.0, "years")]),
    ("four thousand three hundred and twenty-one", [q("four thousand three hundred and twenty-one", 4321.0)]),
    xf(("one of the biggest", []), "'one' as a pronoun is read as the number 1"),
]

QUALIFIERS = [
    ("Its revenue run rate has passed $5 billion.", [q("passed $5 billion", 5e9, "USD", qualifier=">", low=5e9)]),
    ("The Pro plan starts at $100 a month.", [q("starts at $100 a month", 100.0, "USD", per="month", qualifier=">=", low=100.0)]),
    ("Plans from $20 a month.", [q("from $20 a month", 20.0, "USD", per="month", qualifier=">=", low=20.0)]),
    ("Prices are up from $20 a month last year.", [q("$20 a month", 20.0, "USD", per="month", qualifier="=")]),
    ("Revenue exceeding $1bn this year.", [q("exceeding $1bn", 1e9, "USD", qualifier=">", low=1e9)]),
    ("OpenAI's revenue topping $1bn in 2023.", [q("topping $1bn", 1e9, "USD", qualifier=">")]),
    ("Its revenue exceeded $3.7 billion last year.", [q("exceeded $3.7 billion", 3.7e9, "USD", qualifier=">")]),
    ("The grant did not exceed $500,000.", [q("did not exceed $500,000", 5e5, "USD", qualifier="<=", high=5e5)]),
    ("It cost an estimated $191 million to train.", [q("an estimated $191 million", 191e6, "USD", qualifier="~")]),
    ("Spending of more than RMB 380 billion.", [q("more than RMB 380 billion", 380e9, "CNY", qualifier=">", low=380e9)]),
    ("It was trained at roughly half the cost.", [q("roughly half", 2.0, "x", direction="less", qualifier="~")]),
    ("The new chip costs more than twice as much.", [q("more than twice as much", 2.0, "x", direction="more", qualifier=">")]),
    ("Nearly a third of the budget went to compute.", [q("Nearly a third", 3.0, "x", direction="less", qualifier="~")]),
    ("more than $100 million", [q("more than $100 million", 1e8, "USD", qualifier=">", low=1e8, high=None)]),
    ("over 2,000 GPUs", [q("over 2,000 GPUs", 2000.0, "GPUs", qualifier=">", low=2000.0)]),
    ("at least 50 million", [q("at least 50 million", 5e7, qualifier=">=", low=5e7)]),
    ("no less than 10%", [q("no less than 10%", 10.0, "percent", qualifier=">=")]),
    ("less than $6 million", [q("less than $6 million", 6e6, "USD", qualifier="<", high=6e6, low=None)]),
    ("under $6 million", [q("under $6 million", 6e6, "USD", qualifier="<")]),
    ("up to $20", [q("up to $20", 20.0, "USD", qualifier="<=", high=20.0)]),
    ("as much as $20", [q("as much as $20", 20.0, "USD", qualifier="<=")]),
    ("about 2,000 chips", [q("about 2,000 chips", 2000.0, "GPUs", qualifier="~")]),
    ("around 1,000 employees", [q("around 1,000 employees", 1000.0, "employees", qualifier="~")]),
    ("roughly 300 researchers", [q("roughly 300 researchers", 300.0, "employees", qualifier="~")]),
    ("nearly 5 million subscribers", [q("nearly 5 million subscribers", 5e6, "users", qualifier="~")]),
    ("almost 12%", [q("almost 12%", 12.0, "percent", qualifier="~")]),
    ("approximately $3 billion", [q("approximately $3 billion", 3e9, "USD", qualifier="~")]),
    ("upwards of $10 billion", [q("upwards of $10 billion", 1e10, "USD", qualifier=">")]),
    ("above 40", [q("above 40", 40.0, qualifier=">")]),
    ("below 170", [q("below 170", 170.0, qualifier="<")]),
    ("500 or more", [q("500 or more", 500.0, qualifier=">=", low=500.0)]),
    ("500 or less", [q("500 or less", 500.0, qualifier="<=", high=500.0)]),
    ("an estimated $1.2 billion", [q("an estimated $1.2 billion", 1.2e9, "USD", qualifier="~")]),
    # a tilde that opens a figure means about; inside a path it is no qualifier
    ("training used ~4e24 FLOPs", [q("~4e24 FLOPs", 4e24, "FLOPs", qualifier="~")]),
    ("margins of ~7%", [q("~7%", 7.0, "percent", qualifier="~")]),
    ("a cluster (~16,000 GPUs)", [q("~16,000 GPUs", 16000.0, "GPUs", qualifier="~")]),
    ("see example.org/~lab/42", []),
    ("plans cost as low as $4 a month", [q("as low as $4 a month", 4.0, "USD", qualifier=">=", low=4.0, per="month")]),
    ("for as little as $2", [q("as little as $2", 2.0, "USD", qualifier=">=", low=2.0)]),
    ("in the region of $7 billion", [q("in the region of $7 billion", 7e9, "USD", qualifier="~")]),
    ("upward of $7 billion", [q("upward of $7 billion", 7e9, "USD", qualifier=">")]),
    ("at the very least $7 billion", [q("at the very least $7 billion", 7e9, "USD", qualifier=">=")]),
]

RANGES = [
    ("OpenAI raised the price of ChatGPT Plus from $20 to $22 a month.", [q("$20", 20.0, "USD", per="month"), q("$22 a month", 22.0, "USD", per="month")]),
    ("Mistral AI is in talks to raise between $1 billion and $2 billion, two people familiar with the matter said.",
     [q("between $1 billion and $2 billion", None, "USD", qualifier="range", low=1e9, high=2e9), q("two people", 2.0, "people")]),
    ("It is 20 to 50 times cheaper.", [q("20 to 50 times cheaper", None, "x", qualifier="range", low=20.0, high=50.0, direction="less")]),
    ("It is 20 to 50 times more expensive.", [q("20 to 50 times more expensive", None, "x", qualifier="range", low=20.0, high=50.0, direction="more")]),
    ("The price rose from $20 to $22 a month.", [q("$20", 20.0, "USD", per="month"), q("$22 a month", 22.0, "USD", per="month")]),
    ("Revenue rose from 5 to 8 billion dollars.", [q("5", 5e9, "USD"), q("8 billion dollars", 8e9, "USD")]),
    ("$5–6 million", [q("$5–6 million", None, "USD", qualifier="range", low=5e6, high=6e6, precision=1e6)]),
    ("between $1bn and $2bn", [q("between $1bn and $2bn", None, "USD", qualifier="range", low=1e9, high=2e9)]),
    ("5 to 6 billion", [q("5 to 6 billion", None, qualifier="range", low=5e9, high=6e9)]),
    ("5-6 million users", [q("5-6 million users", None, "users", qualifier="range", low=5e6, high=6e6)]),
    ("between 10 and 20%", [q("between 10 and 20%", None, "percent", qualifier="range", low=10.0, high=20.0)]),
    ("from $300 to $400 a month", [q("from $300 to $400 a month", None, "USD", qualifier="range", low=300.0, high=400.0, per="month")]),
    ("between 2,000 and 3,000 GPUs", [q("between 2,000 and 3,000 GPUs", None, "GPUs", qualifier="range", low=2000.0, high=3000.0)]),
    ("10%-15%", [q("10%-15%", None, "percent", qualifier="range", low=10.0, high=15.0)]),
    ("more than 10 and less than 40", [q("more than 10 and less than 40", None, qualifier="range", low=10.0, high=40.0)]),
    ("between 2020 and 2025", []),
    ("Prices went from $10 to $20.", [q("$10", 10.0, "USD"), q("$20", 20.0, "USD")]),
    ("Sales rose from $5 billion to $8 billion.", [q("$5 billion", 5e9, "USD"), q("$8 billion", 8e9, "USD")]),
    ("The score was 3-2.", [q("3", 3.0), q("2", 2.0)]),
    ("8–10%", [q("8–10%", None, "percent", qualifier="range", low=8.0, high=10.0)]),
    ("between two and three billion", [q("between two and three billion", None, qualifier="range", low=2e9, high=3e9)]),
    ("1,000-5,000", [q("1,000-5,000", None, qualifier="range", low=1000.0, high=5000.0)]),
    ("5k-20k", [q("5k-20k", None, qualifier="range", low=5e3, high=2e4)]),
    ("$1.5bn-$2bn", [q("$1.5bn-$2bn", None, "USD", qualifier="range", low=1.5e9, high=2e9)]),
    ("40 to 50 years", [q("40 to 50 years", None, "years", qualifier="range", low=40.0, high=50.0)]),
    ("in fiscal 2024-25", []),
]

PERIODS = [
    ("A $200-a-month plan.", [q("$200-a-month", 200.0, "USD", per="month")]),
    # a rate after a slash is no fraction
    ("Input costs $0.30/1M tokens.", [q("$0.30/1M tokens", 0.3, "USD", per="1M tokens")]),
    ("Output costs $12/million output tokens.", [q("$12/million output tokens", 12.0, "USD", per="1M output tokens")]),
    ("It is $0.03/image.", [q("$0.03/image", 0.03, "USD", per="image")]),
    ("$2 for every million input tokens", [q("$2 for every million input tokens", 2.0, "USD", per="1M input tokens")]),
    ("$0.07 per million cache-hit input tokens", [q("$0.07 per million cache-hit input tokens", 0.07, "USD",
                                                    per="1M input tokens")]),
    ("$4 per 1,000,000 tokens", [q("$4 per 1,000,000 tokens", 4.0, "USD", per="1M tokens")]),
    ("$25/user/month", [q("$25/user/month", 25.0, "USD", per="user-month")]),
    ("It was cut to 1/2 of it.", [q("1/2", 0.5)]),
    ("It is a $300 monthly subscription.", [q("$300 monthly", 300.0, "USD", per="month")]),
    ("Copilot costs $30 per user per month.", [q("$30 per user per month", 30.0, "USD", per="user-month")]),
    ("It will spend $100 million next year.", [q("$100 million", 1e8, "USD", per=None)]),
    ("It will spend $100 million this year.", [q("$100 million", 1e8, "USD", per=None)]),
    ("It raised $100 million a year ago.", [q("$100 million", 1e8, "USD", per=None)]),
    ("It spends $100 million a year.", [q("$100 million a year", 1e8, "USD", per="year")]),
    ("It spends $100 million annually.", [q("$100 million annually", 1e8, "USD", per="year")]),
    ("ChatGPT Pro costs $200 a month.", [q("$200 a month", 200.0, "USD", per="month")]),
    ("$200 per month", [q("$200 per month", 200.0, "USD", per="month")]),
    ("$20/mo", [q("$20/mo", 20.0, "USD", per="month")]),
    ("$20/month", [q("$20/month", 20.0, "USD", per="month")]),
    ("$50,000 a year", [q("$50,000 a year", 5e4, "USD", per="year")]),
    ("$10 billion annually", [q("$10 billion annually", 1e10, "USD", per="year")]),
    ("$2 per hour", [q("$2 per hour", 2.0, "USD", per="hour")]),
    ("$2 per GPU-hour", [q("$2 per GPU-hour", 2.0, "USD", per="GPU-hour")]),
    ("$2 per GPU hour", [q("$2 per GPU hour", 2.0, "USD", per="GPU-hour")]),
    ("$0.14 per million input tokens", [q("$0.14 per million input tokens", 0.14, "USD", per="1M input tokens")]),
    ("$2.19 per million output tokens", [q("$2.19 per million output tokens", 2.19, "USD", per="1M output tokens")]),
    ("$0.55 per 1M tokens", [q("$0.55 per 1M tokens", 0.55, "USD", per="1M tokens")]),
    ("$5 per user", [q("$5 per user", 5.0, "USD", per="user")]),
    ("$1,000 a week", [q("$1,000 a week", 1000.0, "USD", per="week")]),
    ("$10 a day", [q("$10 a day", 10.0, "USD", per="day")]),
    ("$22 per year", [q("$22 per year", 22.0, "USD", per="year")]),
    ("a $20 subscription", [q("$20", 20.0, "USD", per=None)]),
    ("2% per year", [q("2% per year", 2.0, "percent", per="year")]),
    ("300,000 users a day", [q("300,000 users a day", 3e5, "users", per="day")]),
    ("$70 a share", [q("$70 a share", 70.0, "USD", per="share")]),
    ("$30 per user per month", [q("$30 per user per month", 30.0, "USD", per="user-month")]),
    ("$20 plus tax a month", [q("$20 plus tax a month", 20.0, "USD", per="month")]),
]

COUNTS = [
    ("It bought some 50,000 Hopper GPUs.", [q("some 50,000 Hopper GPUs", 50000.0, "GPUs", qualifier="~")]),
    ("xAI runs 100,000 Nvidia H100s.", [q("100,000 Nvidia H100s", 100000.0, "GPUs")]),
    ("Meta ordered 350,000 H100.", [q("350,000 H100", 350000.0, "GPUs")]),
    ("A cluster of 8,192 TPU v5p chips.", [q("8,192 TPU v5p chips", 8192.0, "GPUs")]),
    ("It trained on 2,048 Blackwell GPUs.", [q("2,048 Blackwell GPUs", 2048.0, "GPUs")]),
    ("2.788M GPU hours", [q("2.788M GPU hours", 2.788e6, "GPU-hours")]),
    ("2.788 million H800 GPU hours", [q("2.788 million H800 GPU hours", 2.788e6, "GPU-hours")]),
    ("2,788,000 GPU-hours", [q("2,788,000 GPU-hours", 2788000.0, "GPU-hours")]),
    ("2,048 Nvidia H800 GPUs", [q("2,048 Nvidia H800 GPUs", 2048.0, "GPUs")]),
    ("10,000 chips", [q("10,000 chips", 1e4, "GPUs")]),
    ("50,000 accelerators", [q("50,000 accelerators", 5e4, "GPUs")]),
    ("3.8e25 FLOPs", [q("3.8e25 FLOPs", 3.8e25, "FLOPs")]),
    ("1e25 FLOP", [q("1e25 FLOP", 1e25, "FLOPs")]),
    ("671B parameters", [q("671B parameters", 671e9, "parameters")]),
    ("671 billion parameters", [q("671 billion parameters", 671e9, "parameters")]),
    ("14.8 trillion tokens", [q("14.8 trillion tokens", 14.8e12, "tokens")]),
    ("300 million users", [q("300 million users", 3e8, "users")]),
    ("200 employees", [q("200 employees", 200.0, "employees")]),
    ("5 GW", [q("5 GW", 5.0, "GW")]),
    ("1.2 gigawatts", [q("1.2 gigawatts", 1.2, "GW")]),
    ("300 megawatts", [q("300 megawatts", 300.0, "MW")]),
    ("40 years old", [q("40 years old", 40.0, "years")]),
    ("18 months", [q("18 months", 18.0, "months")]),
    ("100,000 H100s", [q("100,000 H100s", 1e5, "GPUs")]),
    ("20 data centers", [q("20 data centers", 20.0, "data centers")]),
    ("The 2,048-GPU cluster", [q("2,048-GPU", 2048.0, "GPUs")]),
    ("a 40-year-old founder", [q("40-year-old", 40.0, "years")]),
    ("the 1.58-bit model", [q("1.58", 1.58)]),
]

NOT_QUANTITIES = [
    ("He was born in 1989.", []),
    ("in 2025", []),
    ("in fiscal 2025", []),
    xf(("its Gopher model (280B), which cost $9 million", [q("280B", 2.8e11, "parameters"), q("$9 million", 9e6, "USD")]),
       "a model's size in brackets without 'parameters' is read as a bare number the extractor may give a currency"),
    ("on Jan. 20", []),
    ("on January 20, 2025", []),
    ("on 2025-01-24", []),
    ("GPT-4o", []),
    ("the o1 model", []),
    ("DeepSeek R1 and V3", []),
    ("H100 and H800 chips", []),
    ("Qwen2.5-Max", []),
    ("Llama 3.1 405B", []),
    ("Claude 3.5 Sonnet", []),
    ("Gemini 2.0 Flash", []),
    ("Doubao 1.5 Pro", []),
    ("Grok 3 is out", []),
    ("the iPhone 16", []),
    ("Windows 11", []),
    ("5G networks", []),
    ("COVID-19", []),
    ("the G7", []),
    ("the S&P 500 fell", []),
    ("the Nasdaq 100", []),
    ("a Fortune 500 company", []),
    ("at 3 p.m.", []),
    ("at 10:30", []),
    ("the 3rd quarter", []),
    ("the 21st century", []),
    ("page 3", []),
    ("p. 12", []),
    ("call (555) 123-4567", []),
    ("call +1-222-2222-2222", []),
    ("https://www.test.com/search?q=30%25%2020%", []),
    ("mail info2025@example.com", []),
    (". . . %%%. . . * . . $ $ $ $ - - - -", []),
    ("the 2024-25 season", []),
    ("the first model", []),
    ("It entered the Top 10.", []),
    ("a 3D chip", []),
    ("version 2", []),
]


test_digits_and_separators = table_test(DIGITS, LANG)
test_scales = table_test(SCALES, LANG)
test_money = table_test(MONEY, LANG)
test_percent = table_test(PERCENT, LANG)
test_ratios = table_test(RATIOS, LANG)
test_number_words = table_test(WORDS, LANG)
test_qualifiers = table_test(QUALIFIERS, LANG)
test_ranges = table_test(RANGES, LANG)
test_periods = table_test(PERIODS, LANG)
test_counts = table_test(COUNTS, LANG)
test_not_quantities = table_test(NOT_QUANTITIES, LANG)


# Numbers as the wires print them (issue 13): one table per form, rows from real press.

GLUED_SCALES = [
    ("It raised $4million last year.", [q("$4million", 4e6, "USD")]),
    ("a $2.1trillion market", [q("$2.1trillion", 2.1e12, "USD")]),
    ("a €2bn deal", [q("€2bn", 2e9, "EUR")]),
    ("The app has 1.2m users.", [q("1.2m users", 1.2e6, "users")]),
    ("It spent $1.5billion on chips.", [q("$1.5billion", 1.5e9, "USD")]),
    ("It ordered 20million GPUs.", [q("20million GPUs", 2e7, "GPUs")]),
    ("Cohere's $2-billion fund", [q("$2-billion", 2e9, "USD")]),
    ("a round of under $6 Mn", [q("under $6 Mn", 6e6, "USD", qualifier="<", high=6e6)]),
    ("revenue of INR 10,037 Cr in FY25", [q("INR 10,037 Cr", 1.0037e11, "INR")]),
    ("a ₹500Cr fund", [q("₹500Cr", 5e9, "INR")]),
    ("Cr 12 is a grade of steel", []),
    ("a $1.2-billion investment", [q("$1.2-billion", 1.2e9, "USD")]),
    ("a 3.5m-strong audience", []),
    ("a 5m tall tower", []),
]

COUNTRY_CURRENCIES = [
    ("the Family plan now costs A$159 a year", [q("A$159 a year", 159.0, "AUD", per="year")]),
    ("NZ$30 a month", [q("NZ$30 a month", 30.0, "NZD", per="month")]),
    ("Microsoft 365 Personal now costs NZD $12 per month", [q("NZD $12 per month", 12.0, "NZD", per="month")]),
    ("It costs AUD $159.", [q("AUD $159", 159.0, "AUD")]),
    xf(("the local price rose to N41,200 a month", [q("N41,200 a month", 41200.0, "NGN", per="month")]),
       "a capital N written for the naira sign is not read as a currency"),
    ("It raised C$ 30 million.", [q("C$ 30 million", 3e7, "CAD")]),
    ("a HK$2bn listing", [q("HK$2bn", 2e9, "HKD")]),
    ("S$705 million in grants", [q("S$705 million", 7.05e8, "SGD")]),
    ("R$ 30 per user", [q("R$ 30 per user", 30.0, "BRL", per="user")]),
    ("a Rmb50bn fund", [q("Rmb50bn", 5e10, "CNY")]),
    ("Hey, the cost is 元500.", [q("元500", 500.0, "CNY")]),
    ("ChatGPT Plus costs ₦31,500 per month", [q("₦31,500 per month", 31500.0, "NGN", per="month")]),
    ("now ~₦33,862.50", [q("~₦33,862.50", 33862.5, "NGN", qualifier="~")]),
    ("a Sh3,700-a-month plan", [q("Sh3,700-a-month", 3700.0, "KES", per="month")]),
    ("approximately Sh3,680 annually", [q("approximately Sh3,680 annually", 3680.0, "KES", qualifier="~", per="year")]),
    ("Google's Sh1.1 billion investment", [q("Sh1.1 billion", 1.1e9, "KES")]),
    ("It costs USD50.", [q("USD50", 50.0, "USD")]),
    ("It runs on H100 chips and GPT4.", []),
]

CODES_AFTER = [
    ("a fee of 12 000 INR", [q("12 000 INR", 12000.0, "INR")]),
    ("It costs 300 CHF.", [q("300 CHF", 300.0, "CHF")]),
    ("It costs 4 million USD.", [q("4 million USD", 4e6, "USD")]),
    ("a 2 billion yen loan", [q("2 billion yen", 2e9, "JPY")]),
    ("It costs 100 yuan.", [q("100 yuan", 100.0, "CNY")]),
    ("a grant of 50 million naira", [q("50 million naira", 5e7, "NGN")]),
    # a currency word joined by a hyphen, as a compound adjective
    ("a 300-million-dollar campus", [q("300-million-dollar", 3e8, "USD")]),
    ("a four-billion-euro plan", [q("four-billion-euro", 4e9, "EUR")]),
    ("a 15-dollar tier", [q("15-dollar", 15.0, "USD")]),
    ("a fund of AED 3 billion", [q("AED 3 billion", 3e9, "AED")]),
    ("worth 40 billion riyals", [q("40 billion riyals", 4e10, "SAR")]),
    ("Rp 75,000 a month", [q("Rp 75,000 a month", 75000.0, "IDR", per="month")]),
    ("a 600 million rand plan", [q("600 million rand", 6e8, "ZAR")]),
    ("PHP 8 was released.", []),
]

CENTS = [
    ("A search costs 45 cents.", [q("45 cents", 0.45, "USD", precision=0.01)]),
    ("7.5 cents per million input tokens", [q("7.5 cents per million input tokens", 0.075, "USD", per="1M input tokens")]),
    ("The stamp is 20 pence.", [q("20 pence", 0.2, "GBP")]),
    ("It trades at $0.10 a query.", [q("$0.10 a query", 0.1, "USD", per="query", precision=0.01)]),
    ("It costs $0.50.", [q("$0.50", 0.5, "USD", precision=0.01)]),
]

FOREIGN_SEPARATORS = [
    ("It raised $2,4 billion.", [q("$2,4 billion", 2.4e9, "USD", precision=1e8)]),
    ("a 2,45bn euros budget", [q("2,45bn euros", 2.45e9, "EUR")]),
    ("It bought 20.000 GPUs.", [q("20.000 GPUs", 20000.0, "GPUs", precision=1.0)]),
    ("It trained on 4.096 GPUs.", [q("4.096 GPUs", 4096.0, "GPUs")]),
    ("It used 4.096 Nvidia H100 GPUs.", [q("4.096 Nvidia H100 GPUs", 4096.0, "GPUs")]),
    ("It weighs 4.800 kilograms.", [q("4.800", 4.8)]),
    ("The list 22,24,26 was cut.", [q("22", 22.0), q("24", 24.0), q("26", 26.0)]),
    ("The plan is €13,49 a month.", [q("€13,49 a month", 13.49, "EUR", per="month", precision=0.01)]),
    ("It costs $1,500.", [q("$1,500", 1500.0, "USD", precision=1.0)]),
    ("a €3.000.000 grant", [q("€3.000.000", 3e6, "EUR", precision=1.0)]),
]

DASHES = [
    ("a $0.4‑1 billion range", [q("$0.4‑1 billion", None, "USD", qualifier="range", low=4e8, high=1e9)]),
    ("a $20–40M round", [q("$20–40M", None, "USD", qualifier="range", low=2e7, high=4e7)]),
    ("a $20‒40M round", [q("$20‒40M", None, "USD", qualifier="range", low=2e7, high=4e7)]),
    ("a $20—40M round", [q("$20—40M", None, "USD", qualifier="range", low=2e7, high=4e7)]),
    ("5‐6 million GPUs", [q("5‐6 million GPUs", None, "GPUs", qualifier="range", low=5e6, high=6e6)]),
    ("GPT‑4 and GPT‐4o", []),
]

BOUNDS_WRITTEN = [
    ("a $200M+ round", [q("$200M+", 2e8, "USD", qualifier=">", low=2e8)]),
    ("a $80bn‑plus capex plan", [q("$80bn‑plus", 8e10, "USD", qualifier=">", low=8e10)]),
    ("100,000+ GPUs", [q("100,000+ GPUs", 1e5, "GPUs", qualifier=">", low=1e5)]),
    # a trailing qualifier written before the unit bounds the count it precedes
    ("clusters of 50,000 or more GPUs", [q("50,000 or more GPUs", 5e4, "GPUs", qualifier=">=", low=5e4)]),
    ("built with 2,000 or fewer H100 chips", [q("2,000 or fewer H100 chips", 2e3, "GPUs", qualifier="<=", high=2e3)]),
    ("a team of 30 or more engineers", [q("30 or more engineers", 30.0, "employees", qualifier=">=")]),
    ("prices up by 15 or more percent", [q("15 or more percent", 15.0, "percent", qualifier=">=")]),
    ("5+3 is eight", [q("5", 5.0), q("3", 3.0), q("eight", 8.0)]),
]

WRITTEN_QUALIFIERS = [
    ("costs would cross the $1 billion threshold", [q("cross the $1 billion", 1e9, "USD", qualifier=">", low=1e9)]),
    ("revenue crossed the $20 billion mark", [q("crossed the $20 billion", 2e10, "USD", qualifier=">", low=2e10)]),
    ("a suspected $78 million", [q("a suspected $78 million", 7.8e7, "USD", qualifier="~")]),
    ("closer to $260 billion", [q("closer to $260 billion", 2.6e11, "USD", qualifier="~")]),
    ("an estimated $5bn", [q("an estimated $5bn", 5e9, "USD", qualifier="~")]),
    ("valued at an estimated 3 billion dollars", [q("an estimated 3 billion dollars", 3e9, "USD", qualifier="~")]),
    ("estimated at $5bn", [q("estimated at $5bn", 5e9, "USD", qualifier="~")]),
    ("clears $45 billion a year", [q("clears $45 billion a year", 4.5e10, "USD", qualifier=">", per="year", low=4.5e10)]),
    ("approaching the $12 billion", [q("approaching the $12 billion", 1.2e10, "USD", qualifier="~")]),
    ('"at least" $5bn', [q('"at least" $5bn', 5e9, "USD", qualifier=">=", low=5e9)]),
    ("the value will go up to Rs 20,000 crore", [q("go up to Rs 20,000 crore", 2e11, "INR", qualifier="=")]),
    ("models can cost up to $1 billion to train", [q("up to $1 billion", 1e9, "USD", qualifier="<=", high=1e9)]),
    xf(('costs "much more" than $100 million', [q('"much more" than $100 million', 1e8, "USD", qualifier=">")]),
       "a quote inside the qualifier phrase is not read"),
    xf(("a total of -1.9M GPU hours for training", [q("-1.9M GPU hours", 1.9e6, "GPU-hours", qualifier="~")]),
       "a tilde flattened to a hyphen in copying is read as a minus sign"),
]

VAGUE_AMOUNTS = [
    ("a valuation of half a trillion dollars", [q("half a trillion dollars", 5e11, "USD")]),
    ("hundreds of millions of dollars", [q("hundreds of millions of dollars", None, "USD", qualifier="range", low=1e8, high=1e9)]),
    ("tens of billions of dollars", [q("tens of billions of dollars", None, "USD", qualifier="range", low=1e10, high=1e11)]),
    ("a few tens of millions", [q("a few tens of millions", None, None, qualifier="range", low=2e7, high=1e8)]),
    ("billions of dollars", [q("billions of dollars", None, "USD", qualifier="range", low=1e9, high=1e12)]),
    ("several billion USD", [q("several billion USD", None, "USD", qualifier="range", low=2e9, high=1e10)]),
    ("several billion euros", [q("several billion euros", None, "EUR", qualifier="range", low=2e9, high=1e10)]),
    ("tens or hundreds of millions of dollars", [q("tens or hundreds of millions of dollars", None, "USD", qualifier="range", low=1e7, high=1e9)]),
    ("tens of thousands of H100s", [q("tens of thousands of H100s", None, "GPUs", qualifier="range", low=1e4, high=1e5)]),
    ("hundreds of thousands of GPUs", [q("hundreds of thousands of GPUs", None, "GPUs", qualifier="range", low=1e5, high=1e6)]),
    # a figure in scare quotes counts the unit after the closing mark
    ("racks holding “tens of thousands” of AMD’s latest accelerators", [q("“tens of thousands” of AMD’s latest accelerators",
                                                                      None, "GPUs", qualifier="range", low=1e4, high=1e5)]),
    ('a site with "300,000" Nvidia GPUs', [q('"300,000" Nvidia GPUs', 3e5, "GPUs")]),
    ('he said "300" and left', [q("300", 300.0)]),
    ("thousands of chips", []),
    ("a few days later", []),
    ("several times", []),
    xf(("$10s of millions", [q("$10s of millions", None, "USD", qualifier="range", low=1e7, high=1e8)]),
       "digits glued to a plural 's' are not read as tens"),
    xf(("a couple of dozen million euros", [q("a couple of dozen million euros", 2.4e7, "EUR", qualifier="~")]),
       "a dozen before a scale is not read"),
]

SHARED_SIGNS = [
    ("A ¥500 billion plan.", [q("¥500 billion", 5e11, "JPY", note="¥ read as JPY; JPY or CNY: the text does not say which")]),
    ("Alibaba cut prices to ¥0.5 per million tokens.", [q("¥0.5 per million tokens", 0.5, "CNY", per="1M tokens", note=None)]),
    ("SoftBank will invest ¥3 trillion in Japan.", [q("¥3 trillion", 3e12, "JPY", note=None)]),
    ("It costs RMB 15, or 8 RMB.", [q("RMB 15", 15.0, "CNY"), q("8 RMB", 8.0, "CNY")]),
    ("It costs 500 yuan.", [q("500 yuan", 500.0, "CNY")]),
    ("Hey, the cost is 100元!", [q("100元", 100.0, "CNY")]),
]

test_glued_scales = table_test(GLUED_SCALES, LANG)
test_shared_signs = table_test(SHARED_SIGNS, LANG)
test_vague_amounts = table_test(VAGUE_AMOUNTS, LANG)
test_written_qualifiers = table_test(WRITTEN_QUALIFIERS, LANG)
test_country_currencies = table_test(COUNTRY_CURRENCIES, LANG)
test_codes_after = table_test(CODES_AFTER, LANG)
test_cents = table_test(CENTS, LANG)
test_foreign_separators = table_test(FOREIGN_SEPARATORS, LANG)
test_dashes = table_test(DASHES, LANG)
test_bounds_written = table_test(BOUNDS_WRITTEN, LANG)

# Round 3 (issue 13): chip nouns a few words after the count, fractions and folds beyond five.
LOOSE_CHIP_COUNTS = [
    ("Oracle bought 312,000 high-performance computing chips last year.",
     [q("312,000 high-performance computing chips", 312000.0, "GPUs")]),
    ("a site with nearly 260,000 Trainium2 chips across",
     [q("nearly 260,000 Trainium2 chips", 260000.0, "GPUs", qualifier="~")]),
    ("The cloud will use 9,000 of Nvidia’s newest Grace Blackwell chips at launch",
     [q("9,000 of Nvidia’s newest Grace Blackwell chips", 9000.0, "GPUs")]),
    ("it plans to buy 120,000 of NVIDIA's new Blackwell B200 AI GPUs for",
     [q("120,000 of NVIDIA's new Blackwell B200 AI GPUs", 120000.0, "GPUs")]),
    ("each holding 256 Nvidia Grace Hopper superchips, while",
     [q("256 Nvidia Grace Hopper superchips", 256.0, "GPUs")]),
    ("Google will supply up to half a million specialized AI chips to Meta",
     [q("up to half a million specialized AI chips", 5e5, "GPUs", qualifier="<=")]),
    ("it shipped 300,000 Ascend 910C processors", [q("300,000 Ascend 910C processors", 3e5, "GPUs")]),
    xf(("Ascend 910B chips are scarce", []), "a chip model with a glued B after a name is read as billions"),
    # a clause word between them: what follows counts nothing the figure names
    ("It sold 40,000 and then bought chips.", [q("40,000", 40000.0)]),
    ("It has 12 cabinets, each with chips.", [q("12", 12.0)]),
    ("A total of 1,234 units.", [q("1,234", 1234.0)]),
]

FRACTIONS_AND_FOLDS = [
    ("Open models cost one-sixth the closed price per token", [q("one-sixth", 6.0, "x", direction="less")]),
    ("at roughly one-sixth the cost of Gemini 2.5 Pro and one-seventh the cost of o3",
     [q("roughly one-sixth", 6.0, "x", direction="less", qualifier="~"), q("one-seventh", 7.0, "x", direction="less")]),
    ("It used an eighth of the compute.", [q("an eighth", 8.0, "x", direction="less")]),
    ("API prices at roughly half prior levels.", [q("roughly half", 2.0, "x", direction="less", qualifier="~")]),
    ("GPT-5.4 is exactly half that on the same tariff", [q("half", 2.0, "x", direction="less")]),
    ("This represents a nearly sixfold pricing gap.", [q("nearly sixfold", 6.0, "x", qualifier="~")]),
    # a fraction a change word governs is the change in percent (decision 7)
    ("OpenAI cut prices by half.", [q("half", 50.0, "percent", direction="down")]),
    # ... as an idiom only: with a qualifier between it stays a number (latency, not a price)
    ("It cut latency by nearly half.", [q("nearly half", 0.5, qualifier="~")]),
]

test_loose_chip_counts = table_test(LOOSE_CHIP_COUNTS, LANG)
test_fractions_and_folds = table_test(FRACTIONS_AND_FOLDS, LANG)

# Coordinated figures share the unit, scale and period written after the last one.
COORDINATED = [
    ("Oracle and Tesla bought 84,000 and 71,000 Hopper chips, respectively.",
     [q("84,000", 84000.0, "GPUs"), q("71,000 Hopper chips", 71000.0, "GPUs")]),
    ("the cost of training could go up to $10 or even $100 billion",
     [q("go up to $10", 1e10, "USD"), q("$100 billion", 1e11, "USD")]),
    ("margins of 10 and 20 %", [q("10", 10.0, "percent"), q("20 %", 20.0, "percent")]),
    ("the 100 and 200 dollar tiers", [q("100", 100.0, "USD"), q("200 dollar", 200.0, "USD")]),
    # a share of the figure after it is no figure of its own; factors keep their own words
    ("Nearly half of the $800 million invested", [q("Nearly half", 0.5, qualifier="~"), q("$800 million", 8e8, "USD")]),
    ("five or twenty times the usage", [q("five", 5.0), q("twenty times", 20.0, "x")]),
    ("It has 12 cabinets and 440 chips.", [q("12", 12.0), q("440 chips", 440.0, "GPUs")]),
    # a qualifier before the first of coordinated figures qualifies each (decision 9)
    ("fees on both plans rose by about 38% and 17% respectively",
     [q("about 38%", 38.0, "percent", qualifier="~", direction="up"), q("17%", 17.0, "percent", qualifier="~")]),
    ("up to $7 and $12 a month", [q("up to $7", 7.0, "USD", qualifier="<=", high=7.0),
                                  q("$12 a month", 12.0, "USD", qualifier="<=", high=12.0, per="month")]),
    ("roughly 40, 60 and 80 GPUs", [q("roughly 40", 40.0, "GPUs", qualifier="~"), q("60", 60.0, "GPUs", qualifier="~"),
                                    q("80 GPUs", 80.0, "GPUs", qualifier="~")]),
    ("to nearly 9 gigawatts and $300 billion in spending", [q("nearly 9 gigawatts", 9.0, "GW", qualifier="~"),
                                                            q("$300 billion", 3e11, "USD", qualifier="~")]),
    # ... also when each figure has its own short complement, and for factors
    ("costs rose roughly 4x for Basic and 12x for Pro", [q("roughly 4x", 4.0, "x", qualifier="~"),
                                                       q("12x", 12.0, "x", qualifier="~")]),
    ("over $90 million in 2023 and $140 million in 2024", [q("over $90 million", 9e7, "USD", qualifier=">"),
                                                          q("$140 million", 1.4e8, "USD", qualifier=">")]),
    ("about 2x and 3x", [q("about 2x", 2.0, "x", qualifier="~"), q("3x", 3.0, "x", qualifier="~")]),
    # ... not when the second figure has no complement of the same kind
    ("more than $5 billion for Acme and $3 billion last year",
     [q("more than $5 billion", 5e9, "USD", qualifier=">"), q("$3 billion", 3e9, "USD", qualifier="=")]),
    # ... not a trailing bound, nor a bare number
    ("$300 or more and $400", [q("$300 or more", 300.0, "USD", qualifier=">="), q("$400", 400.0, "USD", qualifier="=")]),
    ("about 38% and 17", [q("about 38%", 38.0, "percent", qualifier="~"), q("17", 17.0, qualifier="=")]),
]

test_coordinated = table_test(COORDINATED, LANG)
