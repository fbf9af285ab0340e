# datetime: date/time/datetime/timedelta/timezone reprs, arithmetic, formatting, parsing.
# (3.14 forms, hand-checked: range-check messages 'month must be in 1..12, not 13' etc.)
import datetime as dt
from datetime import date, time, datetime, timedelta, timezone
d = date(2024, 1, 15)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal(), d.ctime())
print(d + timedelta(days=20), d - timedelta(weeks=3), date(2024, 3, 1) - d, d.replace(day=31), d.strftime('%A %d %B %Y, day %j'), f"{d:%m/%d/%y}")
print(date.fromordinal(738900), date.fromisoformat('2023-12-25'), date.fromisocalendar(2024, 1, 1), d < date(2024, 1, 16), d == date(2024, 1, 15))
t = time(9, 30)
print(t, repr(t), repr(time(9, 30, 15)), repr(time(9, 30, 0, 500)), t.isoformat('minutes'), time(23, 59, 59, 999999).isoformat('milliseconds'), t.strftime('%I:%M %p'))
dt1 = datetime(2024, 2, 29, 14, 5, 9, 123456)
print(dt1, repr(dt1), repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 12, 0, 30)), dt1.isoformat(), dt1.date(), dt1.time())
print(dt1 + timedelta(hours=12), dt1 - datetime(2024, 1, 1), dt1.strftime('%Y-%m-%d %H:%M:%S.%f %a %b'), dt1.ctime())
print(datetime.fromisoformat('2024-05-06T07:08:09'), datetime.fromisoformat('2024-05-06 07:08:09.5+02:00'), repr(datetime.fromisoformat('2024-05-06T07:08:09Z')))
print(datetime.combine(d, t), datetime.strptime('2024-03-10 11:12', '%Y-%m-%d %H:%M'), datetime.strptime('10 Mar 2024', '%d %b %Y'))
td = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(td, repr(td), td.total_seconds(), repr(timedelta()), repr(-timedelta(seconds=1)), -timedelta(seconds=1), timedelta(days=-2, hours=3))
print(timedelta(hours=1.5), timedelta(minutes=90) / timedelta(minutes=30), timedelta(minutes=90) // 4, timedelta(seconds=7) * 1.5, divmod(timedelta(hours=5), timedelta(hours=2)), abs(timedelta(days=-1)))
print(timedelta(weeks=2) == timedelta(days=14), timedelta(0) < timedelta(microseconds=1), timedelta(milliseconds=1.5), repr(timedelta(seconds=86400 * 3 + 61)))
utc = timezone.utc
aware = datetime(2024, 6, 1, 12, 0, tzinfo=utc)
print(aware, repr(aware), aware.isoformat(), aware.utcoffset(), aware.tzname(), repr(utc), str(utc), dt.UTC is utc)
est = timezone(timedelta(hours=-5), 'EST')
print(aware.astimezone(est), repr(est), str(timezone(timedelta(hours=5, minutes=30))), repr(timezone(timedelta(hours=1))))
print(aware.timestamp(), datetime.fromtimestamp(0, utc), datetime.fromtimestamp(86400.5, utc), aware.strftime('%z %Z'))
print(date.min, date.max, datetime.min, repr(timedelta.max), timedelta.resolution, dt.MINYEAR, dt.MAXYEAR)
for bad in [(2024, 13, 1), (2024, 2, 30), (0, 1, 1)]:
    try:
        date(*bad)
    except ValueError as e:
        print('ValueError', e)
try:
    time(25, 0)
except ValueError as e:
    print(e)
try:
    aware - datetime(2024, 1, 1)
except TypeError as e:
    print(e)
try:
    aware < datetime(2024, 1, 1)
except TypeError as e:
    print(e)
print(aware == datetime(2024, 6, 1, 12), sorted([date(2024, 5, 1), date(2023, 1, 1)]))
try:
    datetime.strptime('2024-13-01', '%Y-%m-%d')
except ValueError as e:
    print(e)
try:
    datetime.strptime('abc', '%Y')
except ValueError as e:
    print(e)
print(hash(d) == hash(date(2024, 1, 15)), {d: 1}[date(2024, 1, 15)], bool(timedelta(0)), date(2024, 1, 1).timetuple()[:3])
import pickle
print(pickle.loads(pickle.dumps(dt1)) == dt1, pickle.loads(pickle.dumps(td)) == td, pickle.loads(pickle.dumps(aware)) == aware)
print(datetime(2024, 1, 31) + timedelta(days=1), date(2023, 12, 31) + timedelta(1), date(2024, 12, 31).isocalendar().week, date(2021, 1, 3).isocalendar())
print(isinstance(datetime.now(), datetime), isinstance(date.today(), date), type(datetime.now() - datetime.now()).__name__)
