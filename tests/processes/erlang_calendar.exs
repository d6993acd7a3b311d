defmodule T do
  def run(label, fun) do
    try do
      IO.inspect(fun.(), label: label)
    rescue
      e -> IO.inspect(e, label: label)
    catch
      k, r -> IO.inspect({k, r}, label: label)
    end
  end
end

for y <- [0, 1, 4, 100, 200, 400, 1900, 2000, 2023, 2024, 2100] do
  T.run("leap #{y}", fn -> :calendar.is_leap_year(y) end)
end
T.run("leap -4", fn -> :calendar.is_leap_year(-4) end)
T.run("leap float", fn -> :calendar.is_leap_year(4.0) end)

for y <- [0, 1900, 2000, 2023, 2024], m <- 1..12 do
  T.run("ldom #{y} #{m}", fn -> :calendar.last_day_of_the_month(y, m) end)
end
T.run("ldom 13", fn -> :calendar.last_day_of_the_month(2000, 13) end)
T.run("ldom 0", fn -> :calendar.last_day_of_the_month(2000, 0) end)
T.run("ldom -1", fn -> :calendar.last_day_of_the_month(-1, 2) end)
T.run("ldom atom", fn -> :calendar.last_day_of_the_month(2000, :a) end)
T.run("ldom float", fn -> :calendar.last_day_of_the_month(2000.0, 1) end)

dates = [{0, 1, 1}, {0, 1, 2}, {0, 2, 29}, {0, 12, 31}, {1, 1, 1}, {1, 12, 31}, {4, 2, 29},
  {99, 12, 31}, {100, 1, 1}, {100, 3, 1}, {400, 2, 29}, {1582, 10, 15}, {1899, 12, 31},
  {1900, 2, 28}, {1900, 3, 1}, {1970, 1, 1}, {1999, 12, 31}, {2000, 1, 1}, {2000, 2, 29},
  {2000, 3, 1}, {2001, 1, 1}, {2004, 12, 31}, {2005, 1, 1}, {2005, 1, 2}, {2005, 1, 3},
  {2008, 12, 29}, {2009, 12, 31}, {2010, 1, 3}, {2010, 1, 4}, {2012, 12, 31},
  {2015, 12, 31}, {2016, 1, 1}, {2018, 12, 31}, {2020, 12, 31}, {2021, 1, 3}, {2021, 1, 4},
  {2023, 6, 15}, {2024, 2, 29}, {2024, 12, 30}, {2026, 12, 31}, {2027, 1, 1}, {9999, 12, 31},
  {10000, 1, 1}, {123456, 7, 8}]

for {y, m, d} = date <- dates do
  T.run("dow #{inspect(date)}", fn -> {:calendar.day_of_the_week(date), :calendar.day_of_the_week(y, m, d)} end)
  T.run("days #{inspect(date)}", fn -> {:calendar.date_to_gregorian_days(date), :calendar.date_to_gregorian_days(y, m, d)} end)
  T.run("back #{inspect(date)}", fn -> :calendar.gregorian_days_to_date(:calendar.date_to_gregorian_days(date)) end)
  T.run("iso #{inspect(date)}", fn -> :calendar.iso_week_number(date) end)
  T.run("valid #{inspect(date)}", fn -> {:calendar.valid_date(date), :calendar.valid_date(y, m, d)} end)
end

for d <- [0, 1, 59, 60, 365, 366, 367, 730, 1460, 1461, 36524, 36525, 36890, 146096, 146097, 146098, 719527, 719528, 730119, 730120, 738000, 3652424, 3652425, 10_000_000] do
  T.run("g2d #{d}", fn -> :calendar.gregorian_days_to_date(d) end)
end
T.run("g2d -1", fn -> :calendar.gregorian_days_to_date(-1) end)
T.run("g2d float", fn -> :calendar.gregorian_days_to_date(1.5) end)
T.run("g2d atom", fn -> :calendar.gregorian_days_to_date(:a) end)

T.run("dow bad", fn -> :calendar.day_of_the_week(2000, 2, 30) end)
T.run("dow neg", fn -> :calendar.day_of_the_week(-1, 2, 3) end)
T.run("dow atom", fn -> :calendar.day_of_the_week(:a) end)
T.run("dow atom day", fn -> :calendar.day_of_the_week(2000, 1, :a) end)
T.run("days 30feb", fn -> :calendar.date_to_gregorian_days(2000, 2, 30) end)
T.run("days day0", fn -> :calendar.date_to_gregorian_days(2000, 2, 0) end)
T.run("days tuple0", fn -> :calendar.date_to_gregorian_days({2000, 2, 0}) end)
T.run("days float day", fn -> :calendar.date_to_gregorian_days(2000, 2, 1.0) end)
T.run("days float year", fn -> :calendar.date_to_gregorian_days(2000.0, 2, 1) end)
T.run("days float month", fn -> :calendar.date_to_gregorian_days(2000, 2.0, 1) end)
T.run("days atom", fn -> :calendar.date_to_gregorian_days(:foo) end)

for s <- [0, 1, 59, 60, 3599, 3600, 86399, 86400, 86401, 63_113_904_000, 63_871_286_400 + 45296, 99_999_999_999] do
  T.run("gs2dt #{s}", fn -> :calendar.gregorian_seconds_to_datetime(s) end)
end
T.run("gs2dt -1", fn -> :calendar.gregorian_seconds_to_datetime(-1) end)
T.run("gs2dt float", fn -> :calendar.gregorian_seconds_to_datetime(1.5) end)

for dt <- [{{0, 1, 1}, {0, 0, 0}}, {{1970, 1, 1}, {0, 0, 0}}, {{2000, 1, 1}, {12, 34, 56}},
           {{2024, 2, 29}, {23, 59, 59}}, {{2000, 1, 1}, {25, 0, 0}}, {{2000, 1, 1}, {-1, 0, 0}}] do
  T.run("dt2gs #{inspect(dt)}", fn -> :calendar.datetime_to_gregorian_seconds(dt) end)
end
T.run("dt2gs float", fn -> :calendar.datetime_to_gregorian_seconds({{2000, 1, 1}, {1.5, 0, 0}}) end)
T.run("dt2gs atom", fn -> :calendar.datetime_to_gregorian_seconds(:a) end)
T.run("dt2gs bad date", fn -> :calendar.datetime_to_gregorian_seconds({{2000, 2, 30}, {0, 0, 0}}) end)

for args <- [{2000, 2, 29}, {2001, 2, 29}, {1900, 2, 29}, {-1, 1, 1}, {2000, 0, 1}, {2000, 13, 1},
             {2000, 1, 0}, {2000, 1, 32}, {2000, 4, 31}, {0, 1, 1}] do
  {y, m, d} = args
  T.run("valid #{inspect(args)}", fn -> {:calendar.valid_date(args), :calendar.valid_date(y, m, d)} end)
end
T.run("valid atoms", fn -> :calendar.valid_date(:a, :b, :c) end)
T.run("valid atoms tuple", fn -> :calendar.valid_date({:a, :b, :c}) end)
T.run("valid float", fn -> :calendar.valid_date(2000, 2.0, 1) end)
T.run("valid foo", fn -> :calendar.valid_date(:foo) end)
T.run("valid 4", fn -> :calendar.valid_date({2000, 2, 1, 4}) end)

T.run("iso bad", fn -> :calendar.iso_week_number({2000, 2, 30}) end)
T.run("iso year0 jan2", fn -> :calendar.iso_week_number({0, 1, 2}) end)
T.run("iso atom", fn -> :calendar.iso_week_number(:a) end)

for s <- [0, 1, 59, 60, 61, 3599, 3600, 3661, 86399, 86400, 86401, 1_000_000, -1, -59, -3600, -86399, -86400, -86401, -1_000_000] do
  T.run("s2dt #{s}", fn -> :calendar.seconds_to_daystime(s) end)
end
T.run("s2dt float", fn -> :calendar.seconds_to_daystime(1.5) end)
T.run("s2dt atom", fn -> :calendar.seconds_to_daystime(:a) end)

for s <- [0, 1, 59, 60, 3599, 3600, 45296, 86399] do
  T.run("s2t #{s}", fn -> :calendar.seconds_to_time(s) end)
end
T.run("s2t 86400", fn -> :calendar.seconds_to_time(86400) end)
T.run("s2t -1", fn -> :calendar.seconds_to_time(-1) end)
T.run("s2t float", fn -> :calendar.seconds_to_time(1.5) end)
T.run("s2t atom", fn -> :calendar.seconds_to_time(:a) end)

for t <- [{0, 0, 0}, {0, 0, 59}, {1, 2, 3}, {23, 59, 59}, {25, 70, 80}, {-1, 0, 0}] do
  T.run("t2s #{inspect(t)}", fn -> :calendar.time_to_seconds(t) end)
end
T.run("t2s float", fn -> :calendar.time_to_seconds({1.5, 0, 0}) end)
T.run("t2s atom", fn -> :calendar.time_to_seconds(:a) end)

T.run("now", fn ->
  {d, {h, m, s}} = :calendar.universal_time()
  {:calendar.valid_date(d), h in 0..23, m in 0..59, s in 0..59}
end)
T.run("now_to_dt", fn -> :calendar.now_to_datetime({1234, 567890, 123}) end)
T.run("now_to_ut", fn -> :calendar.now_to_universal_time({0, 0, 0}) end)
T.run("isonow", fn -> match?({_, _}, :calendar.iso_week_number()) end)
