"""The treasurer's books: shifts and the cash drawer (:mod:`.cash`), the day's close, Z reports and
addenda (:mod:`.days`), PromptPay tick-off (:mod:`.promptpay`), the daily summary, the cash book and the
Revenue Department's notice-161 report (:mod:`.summary`, :mod:`.cashbook`, :mod:`.rd161`), exports
(:mod:`.export`)."""
