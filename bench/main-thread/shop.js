// The shop's own script, the same on both pages of bench:main-thread: thumbnails, sizes, a cart
// button and a "you may also like" list built from data, as a shop's theme script does. It marks
// the page ready (`data-shop-ready`) when done, which is what the bench waits for on the plain page.
(() => {
  const thumbs = document.getElementById('thumbs');
  for (let i = 0; i < 5; i += 1) {
    const item = document.createElement('li');
    item.setAttribute('aria-current', String(i === 0));
    item.addEventListener('click', () => {
      for (const other of thumbs.children) other.setAttribute('aria-current', String(other === item));
    });
    thumbs.append(item);
  }

  const sizes = document.getElementById('sizes');
  for (let size = 38; size <= 47; size += 1) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    Object.assign(input, { type: 'radio', name: 'size', value: String(size), required: true });
    label.append(input, ` ${size}`);
    sizes.append(label);
  }
  document.getElementById('stock').textContent = 'In stock: ships in 1–2 working days';

  let count = 0;
  document.getElementById('buy').addEventListener('submit', (event) => {
    event.preventDefault();
    count += Number(document.getElementById('quantity').value) || 1;
    document.getElementById('cart-count').textContent = String(count);
  });

  const names = ['Trail Runner', 'Road Glide', 'Fell Pro', 'Ultra Cushion', 'Tempo', 'Daily Trainer'];
  const related = document.getElementById('related');
  const price = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });
  for (let i = 0; i < 12; i += 1) {
    const item = document.createElement('li');
    const swatch = document.createElement('div');
    swatch.className = 'swatch';
    swatch.style.background = `hsl(${(i * 47) % 360} 40% 75%)`;
    const name = document.createElement('a');
    name.href = `/p/${i}`;
    name.textContent = `${names[i % names.length]} ${1 + (i % 3)}`;
    const cost = document.createElement('p');
    cost.textContent = price.format(89 + i * 7);
    item.append(swatch, name, cost);
    related.append(item);
  }
  document.documentElement.dataset.shopReady = '';
})();
