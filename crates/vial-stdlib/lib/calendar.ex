# OTP's calendar module: dates {year, month, day} and times
# {hour, minute, second} in the proleptic Gregorian calendar, counted in
# days (or seconds) from year 0, January 1 (day 0). Bad arguments fail
# the way OTP's do: a function_clause naming the function whose guard
# refused them, an if_clause for a day past the end of its month, and a
# badarith for a number that is not an integer.
defmodule :calendar do
  # 1 January of year 0 to 1 January 1970, in days.
  @days_to_1970 719_528
  # Days in 400 Gregorian years.
  @days_per_400 146_097

  # Whether `year` (an integer >= 0) is a leap year.
  def is_leap_year(year) when is_integer(year) and year >= 0, do: leap?(year)

  # The number of days in `month` of `year`.
  def last_day_of_the_month(year, month) when is_integer(year) and year >= 0,
    do: last_day_of_the_month1(year, month)

  defp last_day_of_the_month1(_, 4), do: 30
  defp last_day_of_the_month1(_, 6), do: 30
  defp last_day_of_the_month1(_, 9), do: 30
  defp last_day_of_the_month1(_, 11), do: 30
  defp last_day_of_the_month1(year, 2), do: if(leap?(year), do: 29, else: 28)

  defp last_day_of_the_month1(_, month) when is_integer(month) and month > 0 and month < 13,
    do: 31

  # The day of the week of a date: 1 (Monday) to 7 (Sunday).
  def day_of_the_week({year, month, day}), do: day_of_the_week(year, month, day)
  def day_of_the_week(year, month, day), do: rem(date_to_gregorian_days(year, month, day) + 5, 7) + 1

  # Days from 0000-01-01 to the date.
  def date_to_gregorian_days({year, month, day}), do: date_to_gregorian_days(year, month, day)

  def date_to_gregorian_days(year, month, day) when is_integer(day) and day > 0 do
    last = last_day_of_the_month(year, month)

    if day <= last do
      days_before_year(year) + days_before_month(year, month) + day - 1
    else
      :erlang.error(:if_clause)
    end
  end

  # The date `days` days after 0000-01-01.
  def gregorian_days_to_date(days) do
    {year, day_of_year} = day_to_year(days)
    {month, day} = year_day_to_date(year, day_of_year)
    {year, month, day}
  end

  # Seconds from 0000-01-01 00:00:00 to the {date, time}.
  def datetime_to_gregorian_seconds({date, time}),
    do: date_to_gregorian_days(date) * 86_400 + time_to_seconds(time)

  # The {date, time} `seconds` seconds after 0000-01-01 00:00:00.
  def gregorian_seconds_to_datetime(seconds) when seconds >= 0 do
    days = div(seconds, 86_400)
    {gregorian_days_to_date(days), seconds_to_time(rem(seconds, 86_400))}
  end

  # Whether the integers make a date of year 0 or later; false otherwise.
  def valid_date({year, month, day}), do: valid_date(year, month, day)

  def valid_date(year, month, day) when is_integer(year) and is_integer(month) and is_integer(day),
    do: year >= 0 and month > 0 and month < 13 and day > 0 and day <= last_day_of_the_month(year, month)

  # {iso_year, week} for a date: weeks start on Monday, and week 1 is the
  # one holding the year's first Thursday.
  def iso_week_number({year, _month, _day} = date) do
    days = date_to_gregorian_days(date)
    this_year = week1_start(year)

    cond do
      days < this_year ->
        {year - 1, div(days - week1_start(year - 1), 7) + 1}

      days >= week1_start(year + 1) ->
        {year + 1, 1}

      true ->
        {year, div(days - this_year, 7) + 1}
    end
  end

  # The ISO week of today's local date.
  def iso_week_number, do: iso_week_number(date())

  # {days, {hours, minutes, seconds}} for a number of seconds; negative
  # seconds give negative days and a time of day counted forward.
  def seconds_to_daystime(seconds) do
    days = div(seconds, 86_400)
    secs = rem(seconds, 86_400)

    if secs < 0 do
      {days - 1, seconds_to_time(secs + 86_400)}
    else
      {days, seconds_to_time(secs)}
    end
  end

  # {hours, minutes, seconds} for 0 <= seconds < 86400.
  def seconds_to_time(seconds) when seconds >= 0 and seconds < 86_400 do
    {div(seconds, 3600), div(rem(seconds, 3600), 60), rem(seconds, 60)}
  end

  # The seconds in a {hours, minutes, seconds} time (not checked for range).
  def time_to_seconds({h, m, s}) when is_integer(h) and is_integer(m) and is_integer(s),
    do: h * 3600 + m * 60 + s

  # The current UTC (and local: the machine's zone is UTC) {date, time}.
  def universal_time, do: system_time_to_datetime(:os.system_time(:second))
  def local_time, do: universal_time()

  # Local time and universal time are the same here (UTC).
  def local_time_to_universal_time(datetime), do: datetime
  def universal_time_to_local_time(datetime), do: datetime

  # The {date, time} of an erlang:timestamp() {mega, secs, micro}.
  def now_to_universal_time({mega, secs, _micro}), do: system_time_to_datetime(mega * 1_000_000 + secs)
  def now_to_datetime(now), do: now_to_universal_time(now)
  def now_to_local_time(now), do: now_to_universal_time(now)

  defp date do
    {date, _time} = local_time()
    date
  end

  defp system_time_to_datetime(unix_seconds),
    do: gregorian_seconds_to_datetime(unix_seconds + @days_to_1970 * 86_400)

  defp leap?(year), do: rem(year, 4) == 0 and (rem(year, 100) != 0 or rem(year, 400) == 0)

  # The day number of the Monday of ISO week 1 of `year` (the week holding
  # 4 January).
  defp week1_start(year) do
    jan4 = date_to_gregorian_days(year, 1, 4)
    jan4 - day_of_the_week(year, 1, 4) + 1
  end

  # Days from 0000-01-01 to 1 January of `year` (>= 0).
  defp days_before_year(0), do: 0

  defp days_before_year(year) do
    y = year - 1
    year * 365 + div(y, 4) - div(y, 100) + div(y, 400) + 1
  end

  defp days_before_month(year, month) do
    Enum.reduce(1..month//1, 0, fn m, acc ->
      if m < month, do: acc + last_day_of_the_month1(year, m), else: acc
    end)
  end

  # {year, day of that year (0-based)} for a day number >= 0.
  defp day_to_year(days) when days >= 0 do
    cycles = div(days, @days_per_400)
    year = cycles * 400 + year_in_cycle(days - cycles * @days_per_400)
    {year, days - days_before_year(year)}
  end

  # The year (0..399) of a day in a 400-year cycle starting with a leap
  # year; a first guess from the average year length, then corrected.
  defp year_in_cycle(day) do
    guess = div(day * 400, @days_per_400)
    correct_year(guess, day)
  end

  defp correct_year(year, day) do
    cond do
      days_before_year(year) > day -> correct_year(year - 1, day)
      days_before_year(year + 1) <= day -> correct_year(year + 1, day)
      true -> year
    end
  end

  defp year_day_to_date(year, day_of_year), do: find_month(year, 1, day_of_year)

  defp find_month(year, month, day) do
    last = last_day_of_the_month1(year, month)
    if day < last, do: {month, day + 1}, else: find_month(year, month + 1, day - last)
  end
end
